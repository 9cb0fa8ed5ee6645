/** DescribeVpcs, DescribeSubnets, DescribeSecurityGroups and DescribeSecurityGroupRules. */
import { invalidCombination, SandboxError } from "@/tools/sandbox/errors";
import { read, type OperationTable } from "@/tools/sandbox/model/operation";
import { int, str, stringList } from "@/tools/sandbox/protocol/query-form";
import { leaf, list } from "@/tools/sandbox/protocol/xml";
import { pageByToken } from "@/tools/sandbox/elasticache/paging";
import { applyFilters, parseFilters } from "./filters";
import { ruleXml, securityGroupXml, subnetXml, vpcXml } from "./serialize";

/** Picks resources by explicit ids, failing like EC2 when one is missing. */
function byIds<T extends { id: string }>(items: T[], ids: string[], code: string, noun: string): T[] {
  if (ids.length === 0) return items;
  const missing = ids.filter((id) => !items.some((i) => i.id === id));
  if (missing.length) throw new SandboxError(code, `The ${noun} '${missing.join(", ")}' does not exist`, 400);
  return items.filter((i) => ids.includes(i.id));
}

export const ec2DescribeOps: OperationTable = {
  DescribeVpcs: read(({ region, params }) => {
    const picked = byIds(region.vpcs, stringList(params, "VpcId"), "InvalidVpcID.NotFound", "vpc ID");
    const vpcs = applyFilters(
      picked,
      parseFilters(params),
      {
        "vpc-id": (v) => [v.id],
        cidr: (v) => [v.cidr],
        "cidr-block-association.cidr-block": (v) => [v.cidr],
        "is-default": (v) => [String(v.isDefault)],
        state: () => ["available"],
        "owner-id": () => [region.accountId],
      },
      (v) => v.tags,
    );
    const page = pageByToken(vpcs, int(params, "MaxResults"), str(params, "NextToken"), "vpcs");
    return list("vpcSet", "item", page.items, (v) => vpcXml(region, v)) + leaf("nextToken", page.next);
  }),

  DescribeSubnets: read(({ region, params }) => {
    const picked = byIds(
      region.subnets,
      stringList(params, "SubnetId"),
      "InvalidSubnetID.NotFound",
      "subnet ID",
    );
    const subnets = applyFilters(
      picked,
      parseFilters(params),
      {
        "subnet-id": (s) => [s.id],
        "vpc-id": (s) => [s.vpcId],
        "cidr-block": (s) => [s.cidr],
        "availability-zone": (s) => [s.availabilityZone],
        state: () => ["available"],
      },
      (s) => s.tags,
    );
    const page = pageByToken(subnets, int(params, "MaxResults"), str(params, "NextToken"), "subnets");
    return list("subnetSet", "item", page.items, (s) => subnetXml(region, s)) + leaf("nextToken", page.next);
  }),

  DescribeSecurityGroups: read(({ region, params }) => {
    const ids = stringList(params, "GroupId");
    const names = stringList(params, "GroupName");
    const maxResults = int(params, "MaxResults");
    if (maxResults !== undefined && (ids.length || names.length)) {
      throw invalidCombination("The parameter groupIds cannot be used with the parameter maxResults");
    }
    let groups = byIds(region.securityGroups, ids, "InvalidGroup.NotFound", "security group");
    if (names.length) {
      const missing = names.filter((n) => !groups.some((g) => g.name === n));
      if (missing.length)
        throw new SandboxError(
          "InvalidGroup.NotFound",
          `The security group '${missing.join(", ")}' does not exist`,
          400,
        );
      groups = groups.filter((g) => names.includes(g.name));
    }
    const rulesOf = (id: string, egress: boolean) =>
      region.rules.filter((r) => r.groupId === id && r.isEgress === egress);
    groups = applyFilters(
      groups,
      parseFilters(params),
      {
        "group-id": (g) => [g.id],
        "group-name": (g) => [g.name],
        "vpc-id": (g) => [g.vpcId],
        description: (g) => [g.description],
        "owner-id": () => [region.accountId],
        "ip-permission.from-port": (g) => rulesOf(g.id, false).map((r) => String(r.fromPort)),
        "ip-permission.to-port": (g) => rulesOf(g.id, false).map((r) => String(r.toPort)),
        "ip-permission.cidr": (g) => rulesOf(g.id, false).map((r) => r.cidrIpv4),
        "ip-permission.group-id": (g) => rulesOf(g.id, false).map((r) => r.referencedGroupId),
        "ip-permission.protocol": (g) => rulesOf(g.id, false).map((r) => r.ipProtocol),
      },
      (g) => g.tags,
    );
    const page = pageByToken(groups, maxResults, str(params, "NextToken"), "sgs");
    return (
      list("securityGroupInfo", "item", page.items, (g) => securityGroupXml(region, g)) +
      leaf("nextToken", page.next)
    );
  }),

  DescribeSecurityGroupRules: read(({ region, params }) => {
    const ids = stringList(params, "SecurityGroupRuleId");
    const picked = byIds(region.rules, ids, "InvalidSecurityGroupRuleId.NotFound", "security group rule ID");
    const rules = applyFilters(
      picked,
      parseFilters(params),
      {
        "group-id": (r) => [r.groupId],
        "security-group-rule-id": (r) => [r.id],
      },
      () => [],
    );
    const page = pageByToken(rules, int(params, "MaxResults"), str(params, "NextToken"), "rules");
    return (
      list("securityGroupRuleSet", "item", page.items, (r) => ruleXml(region, r)) +
      leaf("nextToken", page.next)
    );
  }),
};
