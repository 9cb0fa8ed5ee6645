/**
 * Small pure readers over a snapshot: a parameter's value in a group, whether an inbound rule already
 * grants what the plan would add. Shared by the validators, the suggestions and the planner.
 */
import {
  isDefaultParameterGroup,
  type IngressRule,
  type RuleSource,
  type SecurityGroup,
} from "@/lib/core/model/resources";
import { readParameter } from "@/lib/core/model/parameters";
import type { Snapshot } from "@/lib/core/model/snapshot";
import { parseCidr } from "@/lib/core/net/cidr";
import { ruleCoversPort } from "@/lib/core/net/port-rule";
import type { SourceChoice } from "./choices";

export type ParameterRead = { known: true; value: string } | { known: false; reason: string };

/** A parameter's effective value in a group (lib/core/model/parameters.ts decides), as the validators phrase it. */
export function parameterValue(snapshot: Snapshot, groupName: string, parameter: string): ParameterRead {
  if (!isDefaultParameterGroup(groupName) && !snapshot.parameters[groupName])
    return { known: false, reason: `The parameters of ${groupName} were not read.` };
  const read = readParameter(snapshot, groupName, parameter);
  return read.ok ? { known: true, value: read.value.value } : { known: false, reason: read.problem.message };
}

export { securityGroupById as findSecurityGroup } from "@/lib/core/model/shared-groups";
import { securityGroupById as findSecurityGroupIn } from "@/lib/core/model/shared-groups";

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

/**
 * A security group as the wizard's network step shows it, `cache-prod (sg-0cache…)`; its id alone when
 * the group was not read. The preview names groups this way too, so a reviewer recognises the step's choice.
 */
export function securityGroupLabel(snapshot: Snapshot | undefined, groupId: string): string {
  const name = snapshot ? findSecurityGroupIn(snapshot, groupId)?.name : undefined;
  return name ? `${name} (${groupId})` : groupId;
}

/** `security group cache-prod (sg-…)` with a snapshot to name it from; the bare id without (fingerprints). */
export function describeSource(source: RuleSource, snapshot?: Snapshot): string {
  switch (source.kind) {
    case "security-group":
      return `security group ${securityGroupLabel(snapshot, source.groupId)}`;
    case "prefix-list":
      return `prefix list ${source.prefixListId}`;
    default:
      return source.cidr;
  }
}

export function describeRule(rule: IngressRule, snapshot?: Snapshot): string {
  const ports =
    rule.protocol === "-1"
      ? "all traffic"
      : `${rule.protocol} ${rule.fromPort}${rule.toPort !== rule.fromPort ? `-${rule.toPort}` : ""}`;
  return `${ports} from ${describeSource(rule.source, snapshot)}`;
}
