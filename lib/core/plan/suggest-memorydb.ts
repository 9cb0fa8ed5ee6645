/**
 * What the wizard and `npm run plan` pre-fill for a MemoryDB cluster: the network step as for any cluster,
 * and for the parameter group, the cluster's own group when it already says noeviction, else a new
 * `bullmq-memorydb-<engine><major>-noeviction` group in the cluster's family.
 */
import { memoryDbGroupUsers } from "@/lib/core/model/memorydb-view";
import type { Snapshot } from "@/lib/core/model/snapshot";
import { newParameterGroupName } from "@/lib/core/readiness/group-name";
import type { TargetChoice } from "./choices";
import type { Suggestions } from "./suggestions";
import { networkSuggestions } from "./suggestions";
import { memoryDbCarryOver, memoryDbValue, resolveMemoryDb } from "./validate-memorydb";
import { NOEVICTION } from "./steps-memorydb";

export function memoryDbSuggestions(
  snapshot: Snapshot,
  choice: TargetChoice,
): { ok: true; value: Suggestions } | { ok: false; message: string } {
  const resolved = resolveMemoryDb(snapshot, choice);
  if (!resolved.ok) return { ok: false, message: Object.values(resolved.fieldErrors).flat().join(" ") };
  const t = resolved.value;
  const groups = snapshot.memorydb?.parameterGroups;
  const names = groups?.ok ? groups.value.map((g) => g.name) : [];
  // MemoryDB needs no cluster-enabled value: the name says only the family and the policy.
  const suggestedName = newParameterGroupName({ family: t.family, clusterMode: false }, names);
  const others = (name: string) => memoryDbGroupUsers(snapshot, name).filter((c) => c !== t.ref.id);
  const reusable = (groups?.ok ? groups.value : [])
    .filter(
      (g) => g.family === t.family && memoryDbValue(snapshot, g.name, "maxmemory-policy") === "noeviction",
    )
    .map((g) => ({ name: g.name, otherUsers: others(g.name) }));
  const current = t.parameterGroupName
    ? {
        name: t.parameterGroupName,
        isDefault: t.parameterGroupName.startsWith("default."),
        policy: memoryDbValue(snapshot, t.parameterGroupName, "maxmemory-policy"),
        otherUsers: others(t.parameterGroupName),
      }
    : undefined;
  const keep = current?.policy === "noeviction";
  const carry = memoryDbCarryOver(snapshot, t, [NOEVICTION.name]);
  return {
    ok: true,
    value: {
      service: "memorydb",
      port: t.port,
      vpcId: t.vpcId,
      family: t.family,
      clusterEnabled: true,
      network: networkSuggestions(snapshot, t),
      parameterGroup: {
        suggestedName,
        setsClusterEnabled: false,
        current,
        reusable,
        recommended: keep ? { mode: "reuse", name: current!.name } : { mode: "create", name: suggestedName },
        why: keep ? `${current!.name} already has maxmemory-policy=noeviction.` : undefined,
        carryOver: !carry
          ? undefined
          : carry.ok
            ? {
                from: carry.value.from,
                values: carry.value.parameters.map((p) => `${p.name}=${p.value}`),
              }
            : { problem: carry.message },
      },
    },
  };
}
