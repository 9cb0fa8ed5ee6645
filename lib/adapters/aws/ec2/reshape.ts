/**
 * EC2 SDK shapes -> the app's types. `IpPermissions` is flattened to one IngressRule per source, the
 * shape `DescribeSecurityGroupRules` uses too, so both reads compare one-to-one.
 */

import type * as Sdk from "@aws-sdk/client-ec2";
import type { IngressRule, RuleSource, SecurityGroup, Subnet, Vpc } from "@/lib/core/model/resources";

const PROTOCOL_NAMES: Record<string, string> = { "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6" };

/** AWS echoes protocols as names, except when a rule was made with a number that has one. */
export function reshapeProtocol(raw: string | undefined): string {
  const protocol = (raw ?? "-1").toLowerCase();
  return PROTOCOL_NAMES[protocol] ?? protocol;
}

export function tagsToRecord(tags: Sdk.Tag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? "";
  return out;
}

export function reshapeVpc(raw: Sdk.Vpc): Vpc {
  const associated = (raw.CidrBlockAssociationSet ?? [])
    .filter((a) => a.CidrBlockState?.State === undefined || a.CidrBlockState.State === "associated")
    .flatMap((a) => (a.CidrBlock ? [a.CidrBlock] : []));
  const ipv6 = (raw.Ipv6CidrBlockAssociationSet ?? [])
    .filter((a) => a.Ipv6CidrBlockState?.State === undefined || a.Ipv6CidrBlockState.State === "associated")
    .flatMap((a) => (a.Ipv6CidrBlock ? [a.Ipv6CidrBlock] : []));
  return {
    id: raw.VpcId ?? "",
    // The primary block first: it is the one people recognise a VPC by.
    cidrBlocks: [...new Set([...(raw.CidrBlock ? [raw.CidrBlock] : []), ...associated])],
    ipv6CidrBlocks: [...new Set(ipv6)],
    isDefault: raw.IsDefault ?? false,
    name: tagsToRecord(raw.Tags).Name,
  };
}

export function reshapeSubnet(raw: Sdk.Subnet): Subnet {
  return {
    id: raw.SubnetId ?? "",
    vpcId: raw.VpcId ?? "",
    cidrBlock: raw.CidrBlock ?? "",
    availabilityZone: raw.AvailabilityZone ?? "",
  };
}

/** Ports are meaningless for "all traffic" (`-1`): AWS sends -1 or nothing; both become absent. */
function ports(
  protocol: string,
  from: number | undefined,
  to: number | undefined,
): Pick<IngressRule, "fromPort" | "toPort"> {
  if (protocol === "-1") return {};
  return { fromPort: from, toPort: to };
}

/** One IpPermission -> one rule per source (CIDR, IPv6 CIDR, security group, prefix list). */
export function flattenIpPermission(raw: Sdk.IpPermission): IngressRule[] {
  const protocol = reshapeProtocol(raw.IpProtocol);
  const base = { protocol, ...ports(protocol, raw.FromPort, raw.ToPort) };
  const rule = (source: RuleSource, description: string | undefined): IngressRule =>
    description ? { ...base, source, description } : { ...base, source };
  return [
    ...(raw.IpRanges ?? []).flatMap((r) =>
      r.CidrIp ? [rule({ kind: "cidr", cidr: r.CidrIp }, r.Description)] : [],
    ),
    ...(raw.Ipv6Ranges ?? []).flatMap((r) =>
      r.CidrIpv6 ? [rule({ kind: "cidr6", cidr: r.CidrIpv6 }, r.Description)] : [],
    ),
    ...(raw.UserIdGroupPairs ?? []).flatMap((p) =>
      p.GroupId
        ? [
            rule(
              { kind: "security-group", groupId: p.GroupId, ...(p.UserId ? { ownerId: p.UserId } : {}) },
              p.Description,
            ),
          ]
        : [],
    ),
    ...(raw.PrefixListIds ?? []).flatMap((p) =>
      p.PrefixListId ? [rule({ kind: "prefix-list", prefixListId: p.PrefixListId }, p.Description)] : [],
    ),
  ];
}

export function reshapeSecurityGroup(raw: Sdk.SecurityGroup): SecurityGroup {
  return {
    id: raw.GroupId ?? "",
    name: raw.GroupName ?? "",
    description: raw.Description ?? "",
    vpcId: raw.VpcId ?? "",
    ownerId: raw.OwnerId,
    tags: tagsToRecord(raw.Tags),
    ingress: (raw.IpPermissions ?? []).flatMap(flattenIpPermission),
  };
}

/** A rule from `DescribeSecurityGroupRules`; undefined when it names no source the app knows. */
export function reshapeSecurityGroupRule(
  raw: Sdk.SecurityGroupRule,
): (IngressRule & { groupId: string; ruleId: string }) | undefined {
  const source = ruleSource(raw);
  if (!source) return undefined;
  const protocol = reshapeProtocol(raw.IpProtocol);
  return {
    groupId: raw.GroupId ?? "",
    ruleId: raw.SecurityGroupRuleId ?? "",
    protocol,
    ...ports(protocol, raw.FromPort, raw.ToPort),
    source,
    ...(raw.Description ? { description: raw.Description } : {}),
    ...(raw.Tags?.length ? { tags: tagsToRecord(raw.Tags) } : {}),
  };
}

function ruleSource(raw: Sdk.SecurityGroupRule): RuleSource | undefined {
  if (raw.CidrIpv4) return { kind: "cidr", cidr: raw.CidrIpv4 };
  if (raw.CidrIpv6) return { kind: "cidr6", cidr: raw.CidrIpv6 };
  const ref = raw.ReferencedGroupInfo;
  if (ref?.GroupId)
    return { kind: "security-group", groupId: ref.GroupId, ...(ref.UserId ? { ownerId: ref.UserId } : {}) };
  if (raw.PrefixListId) return { kind: "prefix-list", prefixListId: raw.PrefixListId };
  return undefined;
}
