/**
 * The rules read targets through the inventory's one target view (lib/core/model/target-view.ts); these
 * helpers only phrase its gaps as problems the rules can show.
 */
import type { AwsProblem } from "@/lib/core/model/resources";
import type { TargetView } from "@/lib/core/model/target-view";

export type { TargetView } from "@/lib/core/model/target-view";

/** The names of the parameter groups the target's members report (normally one). */
export function attachedGroupNames(t: TargetView): string[] {
  return t.parameterGroupNames;
}

/** `DescribeCacheClusters` problem, or a plain one when the members are simply missing from the answer. */
export function membersProblem(t: TargetView): AwsProblem | undefined {
  // A MemoryDB cluster keeps its nodes' settings on itself: there are no member reads to miss.
  if (t.memorydb) return undefined;
  if (!t.members.ok) return t.members.problem;
  if (t.members.value.length > 0) return undefined;
  return {
    code: "not-found",
    message: `DescribeCacheClusters returned no member clusters for ${t.ref.id}; it may still be creating. Refresh in a minute.`,
    operation: "DescribeCacheClusters",
    region: t.region,
    retryable: true,
  };
}
