/**
 * EC2 resources as ec2-query XML: lowerCamel members, every list entry an `<item>`. Rules are stored
 * one per source; `DescribeSecurityGroups` regroups them into IpPermissions by protocol and ports.
 */
import {
  type RegionState,
  type SecurityGroupRuleState,
  type SecurityGroupState,
  type SubnetState,
  type Tag,
  type VpcState,
} from "@/tools/sandbox/model/state";
import { leaf, list, node } from "@/tools/sandbox/protocol/xml";

export const tagSet = (tags: Tag[], name = "tagSet"): string =>
  list(name, "item", tags, (t) => leaf("key", t.key) + leaf("value", t.value));

export function vpcXml(region: RegionState, v: VpcState): string {
  return (
    leaf("vpcId", v.id) +
    leaf("ownerId", region.accountId) +
    leaf("state", "available") +
    leaf("cidrBlock", v.cidr) +
    list(
      "cidrBlockAssociationSet",
      "item",
      [v.cidr],
      (c) =>
        leaf("associationId", `vpc-cidr-assoc-${v.id.slice(4)}`) +
        leaf("cidrBlock", c) +
        node("cidrBlockState", leaf("state", "associated")),
    ) +
    leaf("dhcpOptionsId", "dopt-0sandbox000000001") +
    leaf("instanceTenancy", "default") +
    leaf("isDefault", v.isDefault) +
    tagSet(v.tags)
  );
}

export function subnetXml(region: RegionState, s: SubnetState): string {
  return (
    leaf("subnetId", s.id) +
    leaf("subnetArn", `arn:aws:ec2:${region.region}:${region.accountId}:subnet/${s.id}`) +
    leaf("state", "available") +
    leaf("ownerId", region.accountId) +
    leaf("vpcId", s.vpcId) +
    leaf("cidrBlock", s.cidr) +
    leaf("availableIpAddressCount", 251) +
    leaf("availabilityZone", s.availabilityZone) +
    leaf(
      "availabilityZoneId",
      `${s.availabilityZone.slice(0, 3)}1-az${s.availabilityZone.charCodeAt(s.availabilityZone.length - 1) - 96}`,
    ) +
    leaf("defaultForAz", region.vpcs.find((v) => v.id === s.vpcId)?.isDefault ?? false) +
    leaf("mapPublicIpOnLaunch", false) +
    tagSet(s.tags)
  );
}

function permissionsXml(region: RegionState, name: string, rules: SecurityGroupRuleState[]): string {
  const groups = new Map<string, SecurityGroupRuleState[]>();
  for (const r of rules) {
    const key = `${r.ipProtocol}|${r.fromPort}|${r.toPort}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return list(name, "item", [...groups.values()], (rs) => {
    const first = rs[0]!;
    const ports =
      first.ipProtocol === "-1" ? "" : leaf("fromPort", first.fromPort) + leaf("toPort", first.toPort);
    return (
      leaf("ipProtocol", first.ipProtocol) +
      ports +
      list(
        "groups",
        "item",
        rs.filter((r) => r.referencedGroupId),
        (r) =>
          leaf("description", r.description) +
          leaf("userId", region.accountId) +
          leaf("groupId", r.referencedGroupId) +
          leaf("vpcId", region.securityGroups.find((g) => g.id === r.referencedGroupId)?.vpcId),
      ) +
      list(
        "ipRanges",
        "item",
        rs.filter((r) => r.cidrIpv4),
        (r) => leaf("cidrIp", r.cidrIpv4) + leaf("description", r.description),
      ) +
      list(
        "ipv6Ranges",
        "item",
        rs.filter((r) => r.cidrIpv6),
        (r) => leaf("cidrIpv6", r.cidrIpv6) + leaf("description", r.description),
      ) +
      list(
        "prefixListIds",
        "item",
        rs.filter((r) => r.prefixListId),
        (r) => leaf("prefixListId", r.prefixListId) + leaf("description", r.description),
      )
    );
  });
}

export function securityGroupXml(region: RegionState, g: SecurityGroupState): string {
  const rules = region.rules.filter((r) => r.groupId === g.id);
  return (
    leaf("ownerId", region.accountId) +
    leaf("groupId", g.id) +
    leaf("groupName", g.name) +
    leaf("groupDescription", g.description) +
    permissionsXml(
      region,
      "ipPermissions",
      rules.filter((r) => !r.isEgress),
    ) +
    permissionsXml(
      region,
      "ipPermissionsEgress",
      rules.filter((r) => r.isEgress),
    ) +
    leaf("vpcId", g.vpcId) +
    leaf("securityGroupArn", `arn:aws:ec2:${region.region}:${region.accountId}:security-group/${g.id}`) +
    tagSet(g.tags)
  );
}

export function ruleXml(region: RegionState, r: SecurityGroupRuleState): string {
  return (
    leaf("securityGroupRuleId", r.id) +
    leaf("groupId", r.groupId) +
    leaf("groupOwnerId", region.accountId) +
    leaf("isEgress", r.isEgress) +
    leaf("ipProtocol", r.ipProtocol) +
    leaf("fromPort", r.fromPort) +
    leaf("toPort", r.toPort) +
    leaf("cidrIpv4", r.cidrIpv4) +
    leaf("cidrIpv6", r.cidrIpv6) +
    leaf("prefixListId", r.prefixListId) +
    (r.referencedGroupId
      ? node("referencedGroupInfo", leaf("groupId", r.referencedGroupId) + leaf("userId", region.accountId))
      : "") +
    leaf("description", r.description) +
    tagSet(r.tags ?? []) +
    leaf(
      "securityGroupRuleArn",
      `arn:aws:ec2:${region.region}:${region.accountId}:security-group-rule/${r.id}`,
    )
  );
}

/** The shape of `RevokedSecurityGroupRule` (a flat referencedGroupId, no tags). */
export function revokedRuleXml(r: SecurityGroupRuleState): string {
  return (
    leaf("securityGroupRuleId", r.id) +
    leaf("groupId", r.groupId) +
    leaf("isEgress", r.isEgress) +
    leaf("ipProtocol", r.ipProtocol) +
    leaf("fromPort", r.fromPort) +
    leaf("toPort", r.toPort) +
    leaf("cidrIpv4", r.cidrIpv4) +
    leaf("cidrIpv6", r.cidrIpv6) +
    leaf("prefixListId", r.prefixListId) +
    leaf("referencedGroupId", r.referencedGroupId) +
    leaf("description", r.description)
  );
}
