/** Words and AWS CLI commands for security group rules, shared by the network rule and its remediation. */
import type { IngressRule, RuleSource, SecurityGroup } from "@/lib/core/model/resources";
import { shq } from "@/lib/core/readiness/remediation";

/** `sg-0app… (orders-api)`, `10.0.0.0/16`, `prefix list pl-…`. */
export function describeSource(source: RuleSource, known: ReadonlyMap<string, SecurityGroup>): string {
  switch (source.kind) {
    case "cidr":
    case "cidr6":
      return source.cidr;
    case "security-group": {
      const name = known.get(source.groupId)?.name;
      return name ? `${source.groupId} (${name})` : source.groupId;
    }
    case "prefix-list":
      return `prefix list ${source.prefixListId}`;
  }
}

/** `tcp 6379 from sg-…`, `tcp 6000-7000 from 10.0.0.0/16`, `all traffic from sg-…`. */
export function describeRule(rule: IngressRule, known: ReadonlyMap<string, SecurityGroup>): string {
  const from = describeSource(rule.source, known);
  if (rule.protocol === "-1") return `all traffic from ${from}`;
  const ports = rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`;
  return `${rule.protocol} ${ports} from ${from}`;
}

function sourceShorthand(source: RuleSource): string {
  switch (source.kind) {
    case "cidr":
      return `IpRanges=[{CidrIp=${source.cidr}}]`;
    case "cidr6":
      return `Ipv6Ranges=[{CidrIpv6=${source.cidr}}]`;
    case "security-group":
      return `UserIdGroupPairs=[{GroupId=${source.groupId}}]`;
    case "prefix-list":
      return `PrefixListIds=[{PrefixListId=${source.prefixListId}}]`;
  }
}

function permission(rule: Pick<IngressRule, "protocol" | "fromPort" | "toPort" | "source">): string {
  const ports = rule.protocol === "-1" ? "" : `,FromPort=${rule.fromPort},ToPort=${rule.toPort}`;
  return shq(`IpProtocol=${rule.protocol}${ports},${sourceShorthand(rule.source)}`);
}

export function ingressCommand(region: string, groupId: string, port: number, source: RuleSource): string {
  return `aws ec2 authorize-security-group-ingress --region ${region} --group-id ${shq(groupId)} --ip-permissions ${permission({ protocol: "tcp", fromPort: port, toPort: port, source })}`;
}

export function revokeCommand(region: string, groupId: string, rule: IngressRule): string {
  return `aws ec2 revoke-security-group-ingress --region ${region} --group-id ${shq(groupId)} --ip-permissions ${permission(rule)}`;
}
