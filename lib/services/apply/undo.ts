/**
 * Undo from the history: what QueueReady created (recorded on its runs) that still exists and that no
 * cluster uses any more, and its removal. Parameter groups are deleted; inbound rules are revoked; security
 * groups are deleted (their rules go with them), and EC2 itself refuses (`DependencyViolation`) while any
 * cache or rule, one QueueReady cannot see included, still uses one.
 *
 * An inbound rule an apply added to a group that clusters still use (the cluster's own group, say) is
 * offered once every run that recorded it has been reverted: the revert put the cluster back on its groups
 * but, deleting nothing itself, left the rule open; this is where it goes. A memory alarm QueueReady put
 * (never one a person made under that name) is offered the same way, or once its cluster is gone.
 */
import { accountIdOf } from "@/lib/services/estate/scope-access";
import { AwsError } from "@/lib/adapters/aws/errors";
import { createAwsContext, type AwsContext } from "@/lib/adapters/aws/context";
import { mayChange } from "@/lib/core/approvals/gate";
import { deleteCacheParameterGroup } from "@/lib/adapters/aws/elasticache/writes";
import { listCacheClusters, listCacheParameterGroups } from "@/lib/adapters/aws/elasticache/reads";
import { deleteSecurityGroup, revokeIngress } from "@/lib/adapters/aws/ec2/writes";
import { deleteAlarms } from "@/lib/adapters/aws/cloudwatch/writes";
import { findMetricAlarm } from "@/lib/adapters/aws/cloudwatch/reads";
import { alarmPutByQueueReady } from "@/lib/core/plan";
import { listSecurityGroupRules, listSecurityGroups } from "@/lib/adapters/aws/ec2/reads";
import { listMemoryDbClusters, listMemoryDbParameterGroups } from "@/lib/adapters/aws/memorydb/reads";
import { deleteMemoryDbParameterGroup } from "@/lib/adapters/aws/memorydb/writes";
import type { CacheCluster } from "@/lib/core/model/resources";
import { dbOf } from "@/lib/adapters/db";
import { listApplyRuns } from "@/lib/adapters/db/lookups";
import { updateRun } from "@/lib/adapters/db/run-updates";
import { appendTrail } from "@/lib/adapters/db/audit-trail";
import { withWriteLog } from "@/lib/adapters/aws/write-log";
import type { ApplyOptions } from "./types";
import type { ApplyRun, ApplyUser } from "@/lib/adapters/db/run-records";

/** What undo can remove, and the run that created it. */
export type UndoTarget =
  | { type: "cache-parameter-group"; region: string; name: string; runId: string }
  | { type: "memorydb-parameter-group"; region: string; name: string; runId: string }
  | { type: "ingress-rule"; region: string; groupId: string; ruleIds: string[]; runId: string }
  | { type: "security-group"; region: string; groupId: string; name: string; runId: string }
  | { type: "metric-alarm"; region: string; name: string; runId: string };

export type UndoCandidate = UndoTarget & { reason: string };

async function exists<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof AwsError && err.problem.code === "not-found") return [];
    throw err;
  }
}

/**
 * Whether a candidate is (still) removable: present in AWS and attached to no cluster of its region, or,
 * for an inbound rule, added only by runs that were reverted since (`revertedBy`: the reverting run's id).
 */
async function check(
  ctx: AwsContext,
  c: UndoTarget,
  clusters: CacheCluster[],
  revertedBy?: string,
): Promise<string | undefined> {
  if (c.type === "cache-parameter-group") {
    if ((await exists(() => listCacheParameterGroups(ctx, { name: c.name }))).length === 0) return undefined;
    const users = clusters.filter((k) => k.parameterGroup?.name === c.name);
    return users.length === 0 ? `${c.name} is attached to no cluster.` : undefined;
  }
  if (c.type === "memorydb-parameter-group") {
    if ((await exists(() => listMemoryDbParameterGroups(ctx, { name: c.name }))).length === 0)
      return undefined;
    // MemoryDB clusters hold their group on the cluster record, not in the ElastiCache listing.
    const users = (await listMemoryDbClusters(ctx)).filter((k) => k.parameterGroupName === c.name);
    return users.length === 0 ? `${c.name} is attached to no MemoryDB cluster.` : undefined;
  }
  if (c.type === "metric-alarm") {
    // Only while it is still QueueReady's: someone may have replaced it by hand since (same name, own text).
    const alarm = await findMetricAlarm(ctx, c.name);
    if (!alarm || !alarmPutByQueueReady(alarm.description)) return undefined;
    // Like a rule: needed while its cluster runs the fix (noeviction), so offered once that is undone.
    if (revertedBy)
      return `Run ${c.runId} was reverted (by ${revertedBy}): ${c.name} watches a cluster that left noeviction.`;
    const watched = new Set(alarm.dimensions.map((d) => d.value));
    const alive = clusters.some(
      (k) => watched.has(k.id) || (k.replicationGroupId !== undefined && watched.has(k.replicationGroupId)),
    );
    return alive ? undefined : `${c.name} watches ${[...watched].join(", ")}, which no longer exists.`;
  }
  if (c.type === "security-group") {
    if ((await exists(() => listSecurityGroups(ctx, { ids: [c.groupId] }))).length === 0) return undefined;
    const users = clusters.filter((k) => k.securityGroups.some((g) => g.id === c.groupId));
    return users.length === 0 ? `No cluster uses ${c.name} (${c.groupId}).` : undefined;
  }
  const live = (await exists(() => listSecurityGroupRules(ctx, [c.groupId]))).filter((r) =>
    c.ruleIds.includes(r.ruleId),
  );
  if (live.length === 0) return undefined;
  if (revertedBy)
    return `Run ${c.runId} was reverted (by ${revertedBy}), but the inbound rule it added to ${c.groupId} is still open.`;
  const users = clusters.filter((k) => k.securityGroups.some((g) => g.id === c.groupId));
  return users.length === 0 ? `No cluster uses ${c.groupId} any more.` : undefined;
}

/**
 * The run that reverted every run recording this inbound rule (or memory alarm) (a resume records what it took up, so the
 * rule may be on several), or undefined while any of them stands.
 */
function revertOfRule(runs: ApplyRun[], c: UndoTarget): string | undefined {
  if (c.type !== "ingress-rule" && c.type !== "metric-alarm") return undefined;
  const reverts = new Map<string, string>();
  for (const r of runs)
    if (r.plan.revert && r.status === "succeeded" && !reverts.has(r.plan.revert.runId))
      reverts.set(r.plan.revert.runId, r.id);
  const recording = runs.filter((r) => r.created.some((x) => !x.removedAt && covers(c, x)));
  if (recording.length === 0 || !recording.every((r) => reverts.has(r.id))) return undefined;
  return reverts.get(c.runId) ?? reverts.get(recording[0]!.id);
}

export async function undoCandidates(options: ApplyOptions): Promise<UndoCandidate[]> {
  // Only what was created in the account these credentials reach can be removed with them.
  const accountId = await accountIdOf(options.settings);
  const runs = (await listApplyRuns(options)).filter((run) => run.target.accountId === accountId);
  const out: UndoCandidate[] = [];
  // One context and one cluster listing per region, however many resources the history holds there.
  const regions = new Map<string, { ctx: AwsContext; clusters: Promise<CacheCluster[]> }>();
  const regionOf = (region: string) => {
    let r = regions.get(region);
    if (!r) {
      const ctx = createAwsContext(options.settings, region);
      r = { ctx, clusters: listCacheClusters(ctx) };
      regions.set(region, r);
    }
    return r;
  };
  // A rule inside a group QueueReady created goes with that group: offered once, as the group.
  const ownGroups = new Set(
    runs.flatMap((r) =>
      r.created.flatMap((c) => (c.type === "security-group" && !c.removedAt ? [c.groupId] : [])),
    ),
  );
  for (const run of runs) {
    for (const created of run.created) {
      if (created.removedAt) continue;
      if (created.type === "ingress-rule" && ownGroups.has(created.groupId)) continue;
      const { ctx, clusters } = regionOf(created.region);
      const base: UndoTarget =
        created.type === "cache-parameter-group" ||
        created.type === "memorydb-parameter-group" ||
        created.type === "metric-alarm"
          ? { type: created.type, region: created.region, name: created.name, runId: run.id }
          : created.type === "security-group"
            ? {
                type: created.type,
                region: created.region,
                groupId: created.groupId,
                name: created.name,
                runId: run.id,
              }
            : {
                type: created.type,
                region: created.region,
                groupId: created.groupId,
                ruleIds: created.ruleIds,
                runId: run.id,
              };
      const reason = await check(ctx, base, await clusters, revertOfRule(runs, base));
      if (reason) out.push({ ...base, reason });
    }
  }
  return out;
}

/** Removes one candidate after checking again that nothing uses it; records who removed it on the run. */
export async function undoResource(
  options: ApplyOptions & { user: ApplyUser; candidate: UndoTarget },
): Promise<string> {
  if (!mayChange(options.user.role)) throw new Error("Only operators can remove resources.");
  const c = options.candidate;
  const ctx = createAwsContext(options.settings, c.region);
  const db = await dbOf(options);
  const runs = await listApplyRuns({ ...options, db });
  const accountId = runs.find((r) => r.id === c.runId)?.target.accountId;
  const mine = runs.filter((r) => r.target.accountId === accountId);
  const reason = await check(ctx, c, await listCacheClusters(ctx), revertOfRule(mine, c));
  if (!reason) throw new Error("It is in use again, or already gone: nothing was removed.");
  const logged = withWriteLog(ctx);
  try {
    if (c.type === "cache-parameter-group") await deleteCacheParameterGroup(logged.ctx, c.name);
    else if (c.type === "memorydb-parameter-group") await deleteMemoryDbParameterGroup(logged.ctx, c.name);
    else if (c.type === "metric-alarm") await deleteAlarms(logged.ctx, [c.name]);
    else if (c.type === "security-group") await deleteSecurityGroup(logged.ctx, c.groupId);
    else await revokeIngress(logged.ctx, c.groupId, c.ruleIds);
  } finally {
    // Tried or done, the removal is in the trail with its request id (a refused delete is in CloudTrail too).
    await appendTrail(db, {
      event: "undone",
      actor: options.user.name,
      actorRole: options.user.role,
      runId: c.runId,
      targets: [`${accountId ?? "unknown"}/${c.region}/${c.type}/${trailIdOf(c)}`],
      requestIds: logged.writes.map((w) => ({
        operation: w.failed ? `${w.operation} (failed)` : w.operation,
        requestId: w.requestId,
      })),
    });
  }
  const removed = { removedAt: new Date().toISOString(), removedBy: options.user.name };
  // Every run that recorded it (a resume records what it took up) shows the removal in the history: runs
  // of the candidate's account only, since another account may hold a group of the same name (or id).
  for (const run of runs) {
    if (run.target.accountId !== accountId) continue;
    if (!run.created.some((r) => !r.removedAt && covers(c, r))) continue;
    await updateRun(
      db,
      run.id,
      (stored) => {
        for (const r of stored.created) if (!r.removedAt && covers(c, r)) Object.assign(r, removed);
      },
      { touch: false },
    );
  }
  if (c.type === "metric-alarm") return `Deleted memory alarm ${c.name}.`;
  return c.type === "cache-parameter-group" || c.type === "memorydb-parameter-group"
    ? `Deleted parameter group ${c.name}.`
    : c.type === "security-group"
      ? `Deleted security group ${c.name} (${c.groupId}) and its rules.`
      : `Revoked ${c.ruleIds.join(", ")} from ${c.groupId}.`;
}

/** How the audit trail names the removed resource: by name, or by its group's id. */
const trailIdOf = (c: UndoTarget): string =>
  c.type === "cache-parameter-group" || c.type === "memorydb-parameter-group" || c.type === "metric-alarm"
    ? c.name
    : c.groupId;

/** Whether removing `c` removes the recorded resource `r` (a group's rules go with the group). */
function covers(c: UndoTarget, r: ApplyRun["created"][number]): boolean {
  if (c.region !== r.region) return false;
  if (
    c.type === "cache-parameter-group" ||
    c.type === "memorydb-parameter-group" ||
    c.type === "metric-alarm"
  )
    return r.type === c.type && r.name === c.name;
  if (c.type === "security-group")
    return (r.type === "security-group" || r.type === "ingress-rule") && r.groupId === c.groupId;
  return r.type === c.type && r.groupId === c.groupId && r.ruleIds.join() === c.ruleIds.join();
}
