/**
 * The live checks of a MemoryDB plan: the cluster (from the one target view), the parameter group choice,
 * and what a new group must carry over. MemoryDB lists every parameter of a group with its effective value
 * and no `Source`, so "set by the user" means "differs from the family's default group", read, not assumed.
 */
import { memoryDbDefaultGroup, type MemoryDbCluster } from "@/lib/core/model/memorydb";
import { memoryDbGroupFamily, memoryDbGroupUsers } from "@/lib/core/model/memorydb-view";
import { checkParameterGroupName } from "@/lib/core/model/names";
import type { CacheParameter } from "@/lib/core/model/resources";
import type { ReadResult, Snapshot } from "@/lib/core/model/snapshot";
import { viewTarget, type TargetView } from "@/lib/core/model/target-view";
import type { TargetRef } from "@/lib/core/identity/identity";
import type { ParameterGroupChoice, TargetChoice } from "./choices";
import type { CarryOver } from "./carry-over";
import type { PlanTarget, Validation } from "./types";
import { refOf } from "@/lib/core/identity/identity";
import { judgeTarget } from "./validate-target";

/** A MemoryDB cluster's view with the facts a plan needs known. */
export type MemoryDbTarget = TargetView & {
  ref: TargetRef & { kind: "memorydb-cluster" };
  memorydb: MemoryDbCluster;
  family: string;
};

/** What a plan records of a MemoryDB target: always cluster mode. */
export function memoryDbPlanTarget(t: MemoryDbTarget): PlanTarget {
  return {
    ...refOf(t.ref),
    engine: t.engine ?? t.memorydb.engine,
    engineVersion: t.engineVersion ?? "",
    clusterEnabled: true,
    vpcId: t.vpcId,
    port: t.port,
  };
}

export interface CheckedMemoryDbGroup {
  mode: "create" | "reuse";
  name: string;
  family: string;
  /** mode `create`: the run being resumed created it already (a resume finds it by its name). */
  adopted?: boolean;
}

const fail = <T>(key: string, message: string): Validation<T> => ({
  ok: false,
  fieldErrors: { [key]: [message] },
});

export function resolveMemoryDb(snapshot: Snapshot, choice: TargetChoice): Validation<MemoryDbTarget> {
  const ref = {
    accountId: choice.accountId ?? snapshot.scope.accountId,
    region: choice.region,
    kind: "memorydb-cluster" as const,
    id: choice.id,
  };
  if (ref.region !== snapshot.region || ref.accountId !== snapshot.scope.accountId)
    return fail("target", `The live state read is for ${snapshot.scope.accountId} ${snapshot.region}.`);
  const read = snapshot.memorydb?.clusters;
  if (!read) return fail("target", "MemoryDB was not read in this region.");
  if (!read.ok) return fail("target", read.problem.message);
  const view = viewTarget(snapshot, ref);
  if (!view?.memorydb) return fail("target", `No MemoryDB cluster named ${ref.id} in ${ref.region}.`);
  if (!view.family)
    return fail(
      "target",
      `No MemoryDB parameter group family is known for ${view.engine} ${view.engineVersion}.`,
    );
  return { ok: true, value: { ...view, ref, memorydb: view.memorydb, family: view.family }, warnings: [] };
}

/** Step 1 for a MemoryDB cluster: found, then held to the rules every target is (validate-target.ts). */
export function validateMemoryDbTarget(snapshot: Snapshot, choice: TargetChoice): Validation<MemoryDbTarget> {
  const resolved = resolveMemoryDb(snapshot, choice);
  if (!resolved.ok) return { ok: false, fieldErrors: { id: Object.values(resolved.fieldErrors).flat() } };
  return judgeTarget(snapshot, resolved.value);
}

/** The parameters of a MemoryDB group as read (keys as the collector stores them). */
export function memoryDbParameters(
  snapshot: Snapshot,
  name: string,
): ReadResult<CacheParameter[]> | undefined {
  const all = snapshot.memorydb?.parameters ?? {};
  return all[name] ?? all[name.toLowerCase()];
}

export function memoryDbValue(snapshot: Snapshot, group: string, parameter: string): string | undefined {
  const read = memoryDbParameters(snapshot, group);
  return read?.ok ? read.value.find((p) => p.name === parameter)?.value : undefined;
}

export function checkMemoryDbGroup(
  snapshot: Snapshot,
  t: MemoryDbTarget,
  choice: ParameterGroupChoice,
  resume?: { runId: string },
): Validation<CheckedMemoryDbGroup> {
  const groups = snapshot.memorydb?.parameterGroups;
  if (!groups?.ok) return fail("name", groups?.problem.message ?? "MemoryDB groups were not read.");
  if (choice.mode === "edit-shared")
    return fail("mode", "A MemoryDB cluster gets a new group of its own, or reuses one.");
  // Only a new name must follow AWS's naming rules: reuse names a group that exists (default ones have dots).
  const checked = choice.mode === "create" ? checkParameterGroupName(choice.name) : undefined;
  if (checked && !checked.ok) return fail("name", checked.reason);
  const name = checked?.ok ? checked.normalized : choice.name.trim().toLowerCase();
  const existing = groups.value.find((g) => g.name === name);
  if (choice.mode === "create") {
    if (!existing) return { ok: true, value: { mode: "create", name, family: t.family }, warnings: [] };
    if (resume && existing.family === t.family)
      return { ok: true, value: { mode: "create", name, family: t.family, adopted: true }, warnings: [] };
    return fail("name", `A MemoryDB parameter group named ${name} exists already.`);
  }
  const family = existing?.family ?? memoryDbGroupFamily(snapshot, name);
  if (!family) return fail("name", `No MemoryDB parameter group named ${name}.`);
  if (family !== t.family)
    return fail(
      "name",
      `${name} is ${family}; ${t.ref.id} needs ${t.family} (UpdateCluster keeps the family).`,
    );
  const policy = memoryDbValue(snapshot, name, "maxmemory-policy");
  if (policy !== "noeviction")
    return fail("name", `${name} has maxmemory-policy=${policy ?? "unknown"}: reuse needs noeviction.`);
  const others = memoryDbGroupUsers(snapshot, name).filter((c) => c !== t.ref.id);
  const warnings =
    others.length > 0 ? [`${name} is also used by ${others.join(", ")}; it is not changed.`] : [];
  return { ok: true, value: { mode: "reuse", name, family }, warnings };
}

/**
 * The values of the cluster's current custom group that differ from its family's default group: a new
 * group starts from the defaults, so without them attaching it would silently reset those settings.
 */
export function memoryDbCarryOver(
  snapshot: Snapshot,
  t: MemoryDbTarget,
  skip: string[],
): { ok: true; value: CarryOver } | { ok: false; message: string } | undefined {
  const from = t.parameterGroupName;
  const defaults = memoryDbDefaultGroup(t.family);
  if (!from || from === defaults || from.startsWith("default.")) return undefined;
  const current = memoryDbParameters(snapshot, from);
  const base = memoryDbParameters(snapshot, defaults);
  if (!current?.ok || !base?.ok)
    return {
      ok: false,
      message: `The settings of ${from} or ${defaults} were not read, so they cannot be carried over into the new group: preview again.`,
    };
  const defaultOf = new Map(base.value.map((p) => [p.name, p.value]));
  const parameters = current.value
    .filter((p) => p.value !== undefined && !skip.includes(p.name) && p.value !== defaultOf.get(p.name))
    .map((p) => ({ name: p.name, value: p.value!, requiresReboot: false }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { ok: true, value: { from, parameters } };
}
