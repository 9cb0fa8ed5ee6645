/** The live facts a MemoryDB plan depends on: apply recomputes them and refuses when one moved. */
import { memoryDbDefaultGroup } from "@/lib/core/model/memorydb";
import { memoryDbGroupUsers } from "@/lib/core/model/memorydb-view";
import type { Snapshot } from "@/lib/core/model/snapshot";
import { networkFacts } from "./fingerprint";
import type { FingerprintFact } from "./types";
import type { CheckedNetwork } from "./validate-network";
import { memoryDbValue, type CheckedMemoryDbGroup, type MemoryDbTarget } from "./validate-memorydb";

/**
 * The cluster's own facts. Its group and security groups are keyed like an ElastiCache member's
 * (`member.<id>.…`, same value format): a revert reads what the cluster had before a run from them.
 */
export function memoryDbTargetFacts(t: MemoryDbTarget): FingerprintFact[] {
  const c = t.memorydb;
  const id = t.ref.id;
  return [
    { key: "target.status", label: `Status of ${id}`, value: c.status },
    { key: "target.port", label: `Port of ${id}`, value: String(t.port ?? "unknown") },
    { key: "target.vpc", label: `VPC of ${id}`, value: t.vpcId ?? "unknown" },
    {
      key: `member.${id}.parameter-group`,
      label: `Parameter group of ${id}`,
      value: `${c.parameterGroupName ?? "none"} (${c.parameterGroupStatus ?? "unknown"})`,
    },
    {
      key: `member.${id}.security-groups`,
      label: `Security groups of ${id}`,
      value:
        c.securityGroups
          .map((g) => `${g.id} (${g.status})`)
          .sort()
          .join(", ") || "none",
    },
  ];
}

export function memoryDbFacts(
  snapshot: Snapshot,
  t: MemoryDbTarget,
  pg: CheckedMemoryDbGroup,
  network: CheckedNetwork,
  carry: string,
): FingerprintFact[] {
  const facts = memoryDbTargetFacts(t);
  const groups = snapshot.memorydb?.parameterGroups;
  for (const name of [
    ...new Set([pg.name, ...(t.parameterGroupName ? [t.parameterGroupName] : [])]),
  ].sort()) {
    const group = groups?.ok ? groups.value.find((g) => g.name === name) : undefined;
    facts.push({
      key: `pg.${name}`,
      label: `MemoryDB parameter group ${name}`,
      value: group ? `family ${group.family}` : "absent",
    });
    facts.push({
      key: `pg.${name}.maxmemory-policy`,
      label: `maxmemory-policy in ${name}`,
      value: memoryDbValue(snapshot, name, "maxmemory-policy") ?? "unknown",
    });
    facts.push({
      key: `pg.${name}.users`,
      label: `Clusters using ${name}`,
      value: memoryDbGroupUsers(snapshot, name).join(", ") || "none",
    });
  }
  const defaults = memoryDbDefaultGroup(t.family);
  if (!facts.some((f) => f.key === `pg.${defaults}.maxmemory-policy`))
    facts.push({
      key: `pg.${defaults}.maxmemory-policy`,
      label: `maxmemory-policy in ${defaults}`,
      value: memoryDbValue(snapshot, defaults, "maxmemory-policy") ?? "unknown",
    });
  facts.push({ key: "pg.carried", label: `Values carried over from ${t.parameterGroupName}`, value: carry });
  return [...facts, ...networkFacts(snapshot, t, network)];
}

/** The parts of a MemoryDB plan, or the field errors of choices that fail the live checks. */
