/**
 * Whether a target of a plan file may still be applied after live state moved. In a fleet plan, applying
 * one target moves facts of the next (`Clusters using default.redis7` loses a name): those moves are this
 * plan's own doing and are accounted for. Any other move refuses the target, and so do steps that are not
 * exactly the ones in the file.
 */
import canonicalize from "canonicalize";
import { diffFingerprintInputs, type FingerprintFact, type PlanStep } from "@/lib/core/plan";

const USERS = /\.users$/;
const members = (value: string) => new Set(value === "none" ? [] : value.split(", "));

/** A "clusters using X" fact whose change is only clusters this run already applied to. */
function explained(before: FingerprintFact, after: FingerprintFact, applied: ReadonlySet<string>): boolean {
  if (!USERS.test(before.key)) return false;
  const was = members(before.value);
  const now = members(after.value);
  const moved = [...was].filter((c) => !now.has(c)).concat([...now].filter((c) => !was.has(c)));
  return moved.every((c) => applied.has(c));
}

/** One sentence per moved fact that `applied` (ids of targets applied earlier in this run) does not explain. */
export function unexplainedMoves(
  before: FingerprintFact[],
  after: FingerprintFact[],
  applied: ReadonlySet<string>,
): string[] {
  const now = new Map(after.map((f) => [f.key, f]));
  const skip = new Set(
    before.filter((f) => now.has(f.key) && explained(f, now.get(f.key)!, applied)).map((f) => f.key),
  );
  const keep = (facts: FingerprintFact[]) => facts.filter((f) => !skip.has(f.key));
  return diffFingerprintInputs(keep(before), keep(after));
}

const essence = (s: PlanStep) => ({
  kind: s.kind,
  action: s.action,
  input: s.input,
  tags: s.tags ?? [],
  changes: s.changes,
});

/** True when both plans send the very same calls with the same before → after (key order aside). */
export function sameSteps(a: PlanStep[], b: PlanStep[]): boolean {
  return canonicalize(a.map(essence)) === canonicalize(b.map(essence));
}
