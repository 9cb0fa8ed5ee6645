/**
 * The binding part of a preview: a hash over exactly the live facts the plan depends on. Apply recomputes
 * it and refuses when it differs, and the facts kept beside it say in words what moved.
 */
import { createHash } from "node:crypto";
import type { Snapshot } from "@/lib/core/model/snapshot";
import { ruleCoversPort } from "@/lib/core/net/port-rule";
import { describeRule, findSecurityGroup, parameterValue } from "./live-facts";
import { clustersUsingGroup, clustersUsingSecurityGroup, type ResolvedTarget } from "./target";
import { parameterGroupNamed, securityGroupNamed } from "@/lib/core/model/shared-groups";
import type { FingerprintFact } from "./types";
import { carryOverOf } from "./steps-parameter-group";
import { memoryWatchOf } from "@/lib/core/model/memory-watch";
import type { CheckedNetwork, NetworkTarget } from "./validate-network";
import type { CheckedParameterGroup } from "./validate-parameter-group";

const list = (items: string[]): string => (items.length > 0 ? items.join(", ") : "none");

export function parameterGroupFacts(snapshot: Snapshot, name: string): FingerprintFact[] {
  const group = parameterGroupNamed(snapshot, name);
  const facts: FingerprintFact[] = [
    {
      key: `pg.${name}`,
      label: `Parameter group ${name}`,
      value: group ? `family ${group.family}` : "absent",
    },
  ];
  if (!group) return facts;
  for (const parameter of ["maxmemory-policy", "cluster-enabled"]) {
    const read = parameterValue(snapshot, name, parameter);
    facts.push({
      key: `pg.${name}.${parameter}`,
      label: `${parameter} in ${name}`,
      value: read.known ? read.value : "unknown",
    });
  }
  facts.push({
    key: `pg.${name}.users`,
    label: `Clusters using ${name}`,
    value: list(clustersUsingGroup(snapshot, name)),
  });
  return facts;
}

export function networkFacts(
  snapshot: Snapshot,
  t: NetworkTarget,
  network: CheckedNetwork,
): FingerprintFact[] {
  const port = t.port!;
  const facts: FingerprintFact[] = [];
  if (network.securityGroup.mode === "existing") {
    const id = network.securityGroup.group.id;
    const group = findSecurityGroup(snapshot, id);
    const rules = group
      ? group.ingress
          .filter((r) => ruleCoversPort(r, port))
          .map((r) => describeRule(r))
          .sort()
      : [];
    facts.push({
      key: `sg.${id}.rules`,
      label: `Inbound rules of ${id} on port ${port}`,
      value: group ? list(rules) : "absent",
    });
    facts.push({
      key: `sg.${id}.users`,
      label: `Clusters using ${id}`,
      value: list(clustersUsingSecurityGroup(snapshot, id)),
    });
  } else {
    const name = network.securityGroup.name;
    const taken = securityGroupNamed(snapshot, t.vpcId, name);
    facts.push({
      key: `sg-name.${name}`,
      label: `Security group name ${name} in ${t.vpcId}`,
      value: taken ? `taken by ${taken.id}` : "free",
    });
  }
  if (network.source.kind === "security-group") {
    const source = findSecurityGroup(snapshot, network.source.groupId);
    facts.push({
      key: `source.${network.source.groupId}`,
      label: `VPC of ${network.source.groupId}`,
      value: source?.vpcId ?? "absent",
    });
  }
  return facts;
}

/** The target's own facts: status, members, each member's parameter group and security groups. */
export function targetFacts(t: ResolvedTarget): FingerprintFact[] {
  const id = t.ref.id;
  const facts: FingerprintFact[] = [
    { key: "target.status", label: `Status of ${id}`, value: t.status },
    { key: "target.members", label: `Members of ${id}`, value: list(t.members.value.map((m) => m.id)) },
    { key: "target.port", label: `Port of ${id}`, value: String(t.port ?? "unknown") },
    { key: "target.vpc", label: `VPC of ${id}`, value: t.vpcId ?? "unknown" },
  ];
  for (const m of t.members.value) {
    const g = m.parameterGroup;
    const reboot =
      g && g.nodeIdsToReboot.length > 0 ? `, reboot pending on ${g.nodeIdsToReboot.join(" ")}` : "";
    facts.push({
      key: `member.${m.id}.parameter-group`,
      label: `Parameter group of ${m.id}`,
      value: g ? `${g.name} (${g.applyStatus}${reboot})` : "none",
    });
    const sgs = m.securityGroups.map((s) => `${s.id} (${s.status})`).sort();
    facts.push({
      key: `member.${m.id}.security-groups`,
      label: `Security groups of ${m.id}`,
      value: list(sgs),
    });
  }
  return facts;
}

/** The facts a plan depends on, in a stable order. */
export function fingerprintFacts(
  snapshot: Snapshot,
  t: ResolvedTarget,
  network: CheckedNetwork,
  pg: CheckedParameterGroup,
): FingerprintFact[] {
  const facts = targetFacts(t);
  const groups = new Set([pg.name, ...(t.parameterGroupName ? [t.parameterGroupName] : [])]);
  for (const name of [...groups].sort()) facts.push(...parameterGroupFacts(snapshot, name));
  facts.push(...networkFacts(snapshot, t, network));
  const carry = carryOverOf(snapshot, t, pg);
  if (carry) {
    facts.push({
      key: `pg.${carry.ok ? carry.value.from : t.parameterGroupName}.user-values`,
      label: `Values set on ${t.parameterGroupName} (carried over)`,
      value: carry.ok ? list(carry.value.parameters.map((p) => `${p.name}=${p.value}`)) : "unknown",
    });
  }
  facts.push(...alarmFacts(t));
  return facts;
}

/** The alarms on the target's memory decide whether the plan puts one: an alarm added since is a move. */
function alarmFacts(t: ResolvedTarget): FingerprintFact[] {
  const alarms = memoryWatchOf(t).alarms;
  if (!alarms) return [];
  const value = alarms.ok
    ? list(
        alarms.watching.map((a) => `${a.name} ${a.comparisonOperator ?? "?"} ${a.threshold ?? "?"}`).sort(),
      )
    : "unknown";
  return [{ key: `alarms.${t.ref.id}`, label: `Memory alarms on ${t.ref.id}`, value }];
}

export function fingerprintOf(facts: FingerprintFact[]): string {
  const canonical = [...facts]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((f) => `${f.key}=${f.value}`)
    .join("\n");
  return createHash("sha256").update(`queueready-plan-v1\n${canonical}`).digest("hex");
}

/**
 * What changed between the facts a preview saw and the facts read now, one line each, shaped
 * "<fact>: now X, was Y." so plural labels ("Inbound rules of …") and empty values ("none") read right.
 */
export function diffFingerprintInputs(before: FingerprintFact[], after: FingerprintFact[]): string[] {
  const was = new Map(before.map((f) => [f.key, f]));
  const now = new Map(after.map((f) => [f.key, f]));
  const out: string[] = [];
  for (const [key, fact] of now) {
    const old = was.get(key);
    if (!old) out.push(`${fact.label}: now ${fact.value} (the preview did not look at it).`);
    else if (old.value !== fact.value) out.push(`${fact.label}: now ${fact.value}, was ${old.value}.`);
  }
  for (const [key, fact] of was)
    if (!now.has(key)) out.push(`${fact.label}: no longer part of the plan, was ${fact.value}.`);
  return out;
}
