/**
 * Wizard step 3, live checks: a new group (valid, unique name), an existing custom group that already has
 * `noeviction` (reuse), or an existing custom group edited in place with every other user named (edit-shared).
 */
import { checkParameterGroupName } from "@/lib/core/model/names";
import { isDefaultParameterGroup, type CacheParameterGroup } from "@/lib/core/model/resources";
import type { Snapshot } from "@/lib/core/model/snapshot";
import type { ParameterGroupChoice, TargetChoice } from "./choices";
import { parameterValue } from "./live-facts";
import { clustersUsingGroup, resolveTarget, type ResolvedTarget } from "./target";
import { createdByRun, type Validation } from "./types";
import { targetKey } from "@/lib/core/identity/identity";
import { parameterGroupNamed } from "@/lib/core/model/shared-groups";

export interface CheckedParameterGroup {
  mode: ParameterGroupChoice["mode"];
  /** Lowercase, as AWS stores it. */
  name: string;
  family: string;
  /** Clusters other than the target that use the group now. */
  otherUsers: string[];
  /** mode `create` only: the run being resumed created the group already (its tags say so). */
  adopted?: boolean;
}

const fail = (key: string, message: string): Validation<CheckedParameterGroup> => ({
  ok: false,
  fieldErrors: { [key]: [message] },
});

/** The value `cluster-enabled` must have in a group attached to this cluster (conditionally modifiable, docs/aws-facts.md §2). */
export function requiredClusterEnabled(t: ResolvedTarget): "yes" | "no" {
  return t.clusterMode ? "yes" : "no";
}

function checkExisting(
  snapshot: Snapshot,
  t: ResolvedTarget,
  group: CacheParameterGroup,
): string | undefined {
  if (isDefaultParameterGroup(group.name))
    return `${group.name} is a default group: AWS refuses to modify it, and it evicts keys.`;
  if (group.family !== t.family) {
    return `${group.name} is of family ${group.family}; ${t.ref.id} needs a group of family ${t.family}.`;
  }
  const clusterEnabled = parameterValue(snapshot, group.name, "cluster-enabled");
  if (clusterEnabled.known && clusterEnabled.value !== requiredClusterEnabled(t)) {
    return `${group.name} has cluster-enabled=${clusterEnabled.value}, but ${t.ref.id} ${t.clusterMode ? "runs" : "does not run"} in cluster mode.`;
  }
  return undefined;
}

export function validateParameterGroup(
  snapshot: Snapshot,
  targetChoice: TargetChoice,
  p: ParameterGroupChoice,
  resume?: { runId: string },
): Validation<CheckedParameterGroup> {
  const resolved = resolveTarget(snapshot, targetChoice);
  if (!resolved.ok) return fail("target", resolved.message);
  const t = resolved.target;
  if (!t.family) return fail("name", `The parameter-group family of ${t.ref.id} is unknown.`);
  if (!snapshot.parameterGroups.ok) return fail("name", snapshot.parameterGroups.problem.message);
  const existing = parameterGroupNamed(snapshot, p.name.trim(), { ignoreCase: true });
  const others = existing ? clustersUsingGroup(snapshot, existing.name).filter((c) => c !== t.ref.id) : [];

  if (p.mode === "create") {
    const check = checkParameterGroupName(p.name.trim());
    if (!check.ok) return fail("name", check.reason);
    if (existing && createdByRun(existing.tags, resume?.runId, targetKey(t.ref))) {
      const problem = checkExisting(snapshot, t, existing);
      if (problem) return fail("name", problem);
      return {
        ok: true,
        value: {
          mode: "create",
          name: existing.name,
          family: existing.family,
          otherUsers: others,
          adopted: true,
        },
        warnings: [],
      };
    }
    if (existing)
      return fail(
        "name",
        `A parameter group named ${existing.name} already exists: choose another name or reuse it.`,
      );
    return {
      ok: true,
      value: { mode: "create", name: check.normalized, family: t.family, otherUsers: [] },
      warnings: [],
    };
  }
  if (!existing) return fail("name", `No parameter group named ${p.name} in ${t.ref.region}.`);
  const problem = checkExisting(snapshot, t, existing);
  if (problem) return fail("name", problem);
  const policy = parameterValue(snapshot, existing.name, "maxmemory-policy");
  const value: CheckedParameterGroup = {
    mode: p.mode,
    name: existing.name,
    family: existing.family,
    otherUsers: others,
  };

  if (p.mode === "reuse") {
    if (!policy.known) return fail("name", policy.reason);
    if (policy.value !== "noeviction") {
      return fail(
        "name",
        `${existing.name} has maxmemory-policy=${policy.value}: only a group that already has noeviction can be reused.`,
      );
    }
    const warnings =
      others.length > 0
        ? [`${existing.name} is also used by ${others.join(", ")}: a later edit to it changes them too.`]
        : [];
    return { ok: true, value, warnings };
  }
  const missing = others.filter((c) => !p.confirmedClusters.includes(c));
  if (missing.length > 0) {
    return fail(
      "confirmedClusters",
      `Editing ${existing.name} also changes ${missing.join(", ")}: name every one of them to confirm.`,
    );
  }
  const warnings =
    others.length > 0 ? [`Editing ${existing.name} changes ${others.join(", ")} as well, at once.`] : [];
  return { ok: true, value, warnings };
}
