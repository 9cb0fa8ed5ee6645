/**
 * The planner's target: the inventory's one target view (lib/core/model/target-view.ts) itself, held to what a
 * plan needs (a node-based cluster with members and an engine). Nothing is joined or copied here.
 */
import type { CacheCluster, Engine } from "@/lib/core/model/resources";
import type { NodeTargetRef, TargetRef } from "@/lib/core/identity/identity";
import type { ReadResult, Snapshot } from "@/lib/core/model/snapshot";
import { indexSnapshot } from "@/lib/core/model/snapshot-index";
import { viewTarget, type TargetView } from "@/lib/core/model/target-view";
import type { TargetChoice } from "./choices";

export {
  clustersOpenedBy,
  parameterGroupUsers as clustersUsingGroup,
  securityGroupUsers as clustersUsingSecurityGroup,
} from "@/lib/core/model/shared-groups";

/** A view the planner can work on: a node-based cluster whose members were read, with an engine. */
export type ResolvedTarget = TargetView & {
  ref: NodeTargetRef;
  engine: Engine;
  /** The member cache clusters (or the standalone cluster itself), in id order; never empty. */
  members: { ok: true; value: CacheCluster[] };
};

export type Resolved = { ok: true; target: ResolvedTarget } | { ok: false; message: string };

/** The value of a read, or undefined when the read failed (callers then say "unknown", never guess). */
export function valueOf<T>(read: ReadResult<T>): T | undefined {
  return read.ok ? read.value : undefined;
}

/** The first failed read among those named, as a sentence a person can act on. */
export function readFailure(snapshot: Snapshot, names: (keyof Snapshot)[]): string | undefined {
  for (const name of names) {
    const read = snapshot[name] as ReadResult<unknown>;
    if (!read.ok) return read.problem.message;
  }
  return undefined;
}

/** The plan's target in full: a choice without an account means the account the snapshot was read in. */
export function targetRefOf<K extends TargetChoice["kind"]>(
  snapshot: Pick<Snapshot, "scope">,
  choice: TargetChoice & { kind: K },
): TargetRef & { kind: K } {
  return {
    accountId: choice.accountId ?? snapshot.scope.accountId,
    region: choice.region,
    kind: choice.kind,
    id: choice.id,
  };
}

export function resolveTarget(snapshot: Snapshot, choice: TargetChoice): Resolved {
  const ref = targetRefOf(snapshot, choice);
  if (ref.region !== snapshot.region || ref.accountId !== snapshot.scope.accountId) {
    const read = `${snapshot.scope.accountId} ${snapshot.region}`;
    return { ok: false, message: `The live state read is for ${read}, not ${ref.accountId} ${ref.region}.` };
  }
  const failed = readFailure(snapshot, ["replicationGroups", "cacheClusters"]);
  if (failed) return { ok: false, message: failed };
  const view = viewTarget(snapshot, ref);
  if (ref.kind === "replication-group") {
    // Seen only through its members: the view says why the group list lacks it.
    if (!view?.group)
      return {
        ok: false,
        message: view?.groupProblem?.message ?? `No replication group named ${ref.id} in ${ref.region}.`,
      };
  } else if (!view) {
    const node = indexSnapshot(snapshot).clustersById.get(ref.id)?.[0];
    if (!node) return { ok: false, message: `No cache cluster named ${ref.id} in ${ref.region}.` };
    return {
      ok: false,
      message: `${ref.id} is a node of ${node.replicationGroupId}: choose the replication group.`,
    };
  }
  if (isPlannable(view)) return { ok: true, target: view };
  return { ok: false, message: `${ref.id} lists no member cache clusters yet.` };
}

function isPlannable(view: TargetView): view is ResolvedTarget {
  return (
    view.ref.kind !== "serverless" && view.members.ok && view.members.value.length > 0 && Boolean(view.engine)
  );
}
