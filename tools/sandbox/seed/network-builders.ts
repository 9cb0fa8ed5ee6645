/**
 * Builders for the EC2 side of a seeded region: VPCs with subnets, security groups with the rules
 * AWS gives every group (the default egress rule, the default group's self reference).
 */
import { nextId, type RegionState, type SecurityGroupRuleState } from "@/tools/sandbox/model/state";

export type RuleSeed = Omit<SecurityGroupRuleState, "id" | "groupId" | "isEgress">;

export function addVpc(
  region: RegionState,
  id: string,
  name: string | undefined,
  cidr: string,
  subnets: Array<[string, string]>,
  isDefault = false,
): void {
  region.vpcs.push({ id, cidr, isDefault, tags: name ? [{ key: "Name", value: name }] : [] });
  subnets.forEach(([subnetCidr, az], i) => {
    // Subnet ids derive from the VPC id so seeds stay readable: vpc-0prod00000000001 -> subnet-0prod000000001a.
    const subnetId = `subnet-${id.slice(4, 16)}0000${String.fromCharCode(97 + i)}`;
    region.subnets.push({ id: subnetId, vpcId: id, cidr: subnetCidr, availabilityZone: az, tags: [] });
  });
  addSecurityGroup(region, nextId(region, "sg"), "default", "default VPC security group", id, []);
  const defaultGroup = region.securityGroups[region.securityGroups.length - 1]!;
  region.rules.push({
    id: nextId(region, "sgr"),
    groupId: defaultGroup.id,
    isEgress: false,
    ipProtocol: "-1",
    fromPort: -1,
    toPort: -1,
    referencedGroupId: defaultGroup.id,
  });
}

export function subnetIdsOf(region: RegionState, vpcId: string): string[] {
  return region.subnets.filter((s) => s.vpcId === vpcId).map((s) => s.id);
}

export function addSecurityGroup(
  region: RegionState,
  id: string,
  name: string,
  description: string,
  vpcId: string,
  ingress: RuleSeed[],
): void {
  region.securityGroups.push({ id, name, description, vpcId, tags: [] });
  for (const rule of ingress)
    region.rules.push({ ...rule, id: nextId(region, "sgr"), groupId: id, isEgress: false });
  // Every new VPC security group gets "all traffic out" by default.
  region.rules.push({
    id: nextId(region, "sgr"),
    groupId: id,
    isEgress: true,
    ipProtocol: "-1",
    fromPort: -1,
    toPort: -1,
    cidrIpv4: "0.0.0.0/0",
  });
}

export function tcp(port: number, source: { cidr?: string; group?: string }, description?: string): RuleSeed {
  return {
    ipProtocol: "tcp",
    fromPort: port,
    toPort: port,
    description,
    ...(source.cidr ? { cidrIpv4: source.cidr } : {}),
    ...(source.group ? { referencedGroupId: source.group } : {}),
  };
}

export function addSubnetGroup(region: RegionState, name: string, vpcId: string, description: string): void {
  region.cacheSubnetGroups.push({ name, description, vpcId, subnetIds: subnetIdsOf(region, vpcId) });
}
