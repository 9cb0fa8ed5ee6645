/**
 * Which existing group a target should be attached to instead of a new copy. Parameter groups are a region
 * quota (150), so QueueReady keeps one group of its own per family (`bullmq-<family>`, or the name
 * `newParameterGroupName` proposes) and attaches every target whose settings it can carry without change.
 * Attaching a group resets every value it does not hold: a group "agrees" with a target only when the
 * values set by hand on it are exactly those set on the target's current group, so attaching it changes
 * nothing but noeviction (and cluster-enabled, which the group already matches). Pure.
 */
import { newParameterGroupName } from "@/lib/core/readiness/group-name";
import type { Snapshot } from "@/lib/core/model/snapshot";
import { carryOverFor } from "./carry-over";
import type { ResolvedTarget } from "./target";

/** The values the plan sets itself: they never decide whether two groups agree. */
const PLANNED = ["maxmemory-policy", "cluster-enabled"];

/** The values set by hand on a group, by name; undefined when its parameters were not read. */
function userValues(snapshot: Snapshot, groupName: string): Map<string, string> | undefined {
  const read = snapshot.parameters[groupName] ?? snapshot.parameters[groupName.toLowerCase()];
  if (!read?.ok) return undefined;
  return new Map(
    read.value
      .filter((p) => p.source === "user" && p.value !== undefined && !PLANNED.includes(p.name))
      .map((p) => [p.name, p.value!]),
  );
}

/** Whether attaching `groupName` keeps every value set by hand on the target's current group, and adds none. */
export function agreesWithTarget(snapshot: Snapshot, t: ResolvedTarget, groupName: string): boolean {
  const carry = carryOverFor(snapshot, t, PLANNED);
  if (carry && !carry.ok) return false;
  const wanted = new Map((carry?.value.parameters ?? []).map((p) => [p.name, p.value]));
  const held = userValues(snapshot, groupName);
  if (!held || held.size !== wanted.size) return false;
  return [...wanted].every(([name, value]) => held.get(name) === value);
}

/**
 * Whether a name is one QueueReady gives its own groups for this target's family and mode: the issue's
 * `bullmq-<family>`, or `bullmq-<family>[-cluster]-noeviction` with the `-2`, `-3` of earlier copies.
 */
export function isOwnGroupName(t: ResolvedTarget, name: string): boolean {
  const base = newParameterGroupName({ family: t.family, engine: t.engine, clusterMode: t.clusterMode }, []);
  const plain = base.replace(/(-cluster)?-noeviction$/, "");
  const lower = name.toLowerCase();
  return lower === plain || new RegExp(`^${base}(-\\d+)?$`).test(lower);
}

/** The copy number of an own group (`…-noeviction` 1, `…-noeviction-3` 3): the oldest is preferred. */
export function copyNumber(name: string): number {
  const m = /-(\d+)$/.exec(name);
  return m ? Number(m[1]) : 1;
}
