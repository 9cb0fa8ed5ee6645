/**
 * Small pure readers over a snapshot: a parameter's value in a group, whether an inbound rule already
 * grants what the plan would add. Shared by the validators, the suggestions and the planner.
 */
import {
  isDefaultParameterGroup,
  type IngressRule,
  type RuleSource,
  type SecurityGroup,
} from "@/lib/aws/types";
import type { RegionSnapshot } from "@/lib/inventory/snapshot";
import { parseCidr } from "@/lib/net/cidr";
import { ruleCoversPort } from "@/lib/net/port-rule";
import type { SourceChoice } from "@/lib/plan/choices";
import { valueOf } from "@/lib/plan/target";

export type ParameterRead = { known: true; value: string } | { known: false; reason: string };

/** What a group created from a family's defaults holds (DOMAIN §3). */
export const FAMILY_DEFAULTS: Record<string, string> = {
  "maxmemory-policy": "volatile-lru",
  "cluster-enabled": "no",
};

/**
 * A parameter's value in a group, read without `Source` so defaults show. A default group holds the family
 * default for good (nobody can modify one), so it is known without a read, as the audit treats it; a custom
 * group without the row, or a failed read, is unknown.
 */
export function parameterValue(
  snapshot: RegionSnapshot,
  groupName: string,
  parameter: string,
): ParameterRead {
  const fallback = FAMILY_DEFAULTS[parameter];
  if (isDefaultParameterGroup(groupName) && fallback !== undefined) {
    // `default.*.cluster.on` groups are the cluster-mode flavour of the family defaults.
    const clusterOn = parameter === "cluster-enabled" && groupName.endsWith(".cluster.on");
    return { known: true, value: clusterOn ? "yes" : fallback };
  }
  const read = snapshot.parameters[groupName];
  if (!read) return { known: false, reason: `The parameters of ${groupName} were not read.` };
  if (!read.ok) return { known: false, reason: read.problem.message };
  const value = read.value.find((p) => p.name === parameter)?.value;
  if (value !== undefined) return { known: true, value };
  return { known: false, reason: `${groupName} reports no ${parameter} value.` };
}

export function findSecurityGroup(snapshot: RegionSnapshot, groupId: string): SecurityGroup | undefined {
  return (valueOf(snapshot.securityGroups) ?? []).find((g) => g.id === groupId);
}

/** The rule source a source choice asks for, with the CIDR canonicalised as EC2 stores it. */
export function desiredSource(choice: SourceChoice): RuleSource | undefined {
  if (choice.kind === "security-group") return { kind: "security-group", groupId: choice.groupId };
  if (choice.kind === "anywhere") return { kind: "cidr", cidr: "0.0.0.0/0" };
  const parsed = parseCidr(choice.cidr);
  if (!parsed.ok) return undefined;
  return parsed.version === 4
    ? { kind: "cidr", cidr: parsed.canonical }
    : { kind: "cidr6", cidr: parsed.canonical };
}

export function sameSource(a: RuleSource, b: RuleSource): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "security-group" && b.kind === "security-group") return a.groupId === b.groupId;
  if ((a.kind === "cidr" || a.kind === "cidr6") && (b.kind === "cidr" || b.kind === "cidr6")) {
    const pa = parseCidr(a.cidr);
    const pb = parseCidr(b.cidr);
    return pa.ok && pb.ok && pa.canonical === pb.canonical;
  }
  return a.kind === "prefix-list" && b.kind === "prefix-list" && a.prefixListId === b.prefixListId;
}

/** An existing rule that already grants `source` access to `port`: the plan reuses it instead of adding one. */
export function findEquivalentRule(
  group: SecurityGroup,
  port: number,
  source: RuleSource,
): IngressRule | undefined {
  return group.ingress.find((r) => ruleCoversPort(r, port) && sameSource(r.source, source));
}

export function describeSource(source: RuleSource): string {
  switch (source.kind) {
    case "security-group":
      return `security group ${source.groupId}`;
    case "prefix-list":
      return `prefix list ${source.prefixListId}`;
    default:
      return source.cidr;
  }
}

export function describeRule(rule: IngressRule): string {
  const ports =
    rule.protocol === "-1"
      ? "all traffic"
      : `${rule.protocol} ${rule.fromPort}${rule.toPort !== rule.fromPort ? `-${rule.toPort}` : ""}`;
  return `${ports} from ${describeSource(rule.source)}`;
}
