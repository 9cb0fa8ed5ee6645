/**
 * The wizard's step checks for a target of either service. They branch on the target only where MemoryDB's
 * rules differ: its target is read off the MemoryDB view, and its parameter group is a MemoryDB group that
 * is created or reused, never edited in place. The network check is the same for both.
 */
import type { Snapshot } from "@/lib/core/model/snapshot";
import type { NetworkChoice, ParameterGroupChoice, TargetChoice } from "./choices";
import type { ResolvedTarget } from "./target";
import type { Validation } from "./types";
import { validateMemoryDbTarget, checkMemoryDbGroup, type MemoryDbTarget } from "./validate-memorydb";
import { validateNetworkOf, type CheckedNetwork } from "./validate-network";
import { validateParameterGroup } from "./validate-parameter-group";
import { validateTarget } from "./validate-target";

/** A target the planner can work on: an ElastiCache cluster or a MemoryDB cluster. */
export type PlannableTarget = ResolvedTarget | MemoryDbTarget;

export function isMemoryDbTarget(t: PlannableTarget): t is MemoryDbTarget {
  return t.ref.kind === "memorydb-cluster";
}

/** Step 1: the chosen target exists, can be fixed, and what to say about it. */
export function checkTargetChoice(snapshot: Snapshot, choice: TargetChoice): Validation<PlannableTarget> {
  return choice.kind === "memorydb-cluster"
    ? validateMemoryDbTarget(snapshot, choice)
    : validateTarget(snapshot, choice);
}

/** Step 2: the security group and source, against the target step 1 resolved. */
export function checkNetworkChoice(
  snapshot: Snapshot,
  t: PlannableTarget,
  choice: TargetChoice,
  network: NetworkChoice,
): Validation<CheckedNetwork> {
  return validateNetworkOf(snapshot, t, choice, network);
}

/** Step 3: the parameter group, by the rules of the target's service. */
export function checkParameterGroupChoice(
  snapshot: Snapshot,
  t: PlannableTarget,
  choice: TargetChoice,
  pg: ParameterGroupChoice,
): Validation<{ name: string }> {
  return isMemoryDbTarget(t)
    ? checkMemoryDbGroup(snapshot, t, pg)
    : validateParameterGroup(snapshot, choice, pg);
}
