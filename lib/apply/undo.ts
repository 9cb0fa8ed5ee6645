/**
 * Undo from the history: what QueueReady created (recorded on its runs) that still exists and that no
 * cluster uses any more, and its removal. Parameter groups are deleted; inbound rules are revoked.
 * Security groups themselves are left alone: lib/aws has no DeleteSecurityGroup, and an EC2 group may
 * be used by instances QueueReady cannot see. Their QueueReady rules can still be revoked.
 */
import { callerIdentity } from "@/lib/inventory/account";
import {
  AwsError,
  createAwsContext,
  deleteCacheParameterGroup,
  listCacheClusters,
  listCacheParameterGroups,
  listSecurityGroupRules,
  revokeIngress,
  type AwsContext,
  type CacheCluster,
} from "@/lib/aws";
import { listApplyRuns, storeOf, updateRun } from "@/lib/apply/run-store";
import type { ApplyOptions, ApplyUser } from "@/lib/apply/types";

/** What undo can remove, and the run that created it. */
export type UndoTarget =
  | { type: "cache-parameter-group"; region: string; name: string; runId: string }
  | { type: "ingress-rule"; region: string; groupId: string; ruleIds: string[]; runId: string };

export type UndoCandidate = UndoTarget & { reason: string };

async function exists<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof AwsError && err.problem.code === "not-found") return [];
    throw err;
  }
}

/** Whether a candidate is (still) removable: present in AWS and attached to no cluster of its region. */
async function check(ctx: AwsContext, c: UndoTarget, clusters: CacheCluster[]): Promise<string | undefined> {
  if (c.type === "cache-parameter-group") {
    if ((await exists(() => listCacheParameterGroups(ctx, { name: c.name }))).length === 0) return undefined;
    const users = clusters.filter((k) => k.parameterGroup?.name === c.name);
    return users.length === 0 ? `${c.name} is attached to no cluster.` : undefined;
  }
  const live = (await listSecurityGroupRules(ctx, [c.groupId])).filter((r) => c.ruleIds.includes(r.ruleId));
  if (live.length === 0) return undefined;
  const users = clusters.filter((k) => k.securityGroups.some((g) => g.id === c.groupId));
  return users.length === 0 ? `No cluster uses ${c.groupId} any more.` : undefined;
}

export async function undoCandidates(options: ApplyOptions): Promise<UndoCandidate[]> {
  // Only what was created in the account these credentials reach can be removed with them.
  const { accountId } = await callerIdentity(options.settings);
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
  for (const run of runs) {
    for (const created of run.created) {
      if (created.removedAt || created.type === "security-group") continue;
      const { ctx, clusters } = regionOf(created.region);
      const base: UndoTarget =
        created.type === "cache-parameter-group"
          ? { type: created.type, region: created.region, name: created.name, runId: run.id }
          : {
              type: created.type,
              region: created.region,
              groupId: created.groupId,
              ruleIds: created.ruleIds,
              runId: run.id,
            };
      const reason = await check(ctx, base, await clusters);
      if (reason) out.push({ ...base, reason });
    }
  }
  return out;
}

/** Removes one candidate after checking again that nothing uses it; records who removed it on the run. */
export async function undoResource(
  options: ApplyOptions & { user: ApplyUser; candidate: UndoTarget },
): Promise<string> {
  if (options.user.role !== "operator") throw new Error("Only operators can remove resources.");
  const c = options.candidate;
  const ctx = createAwsContext(options.settings, c.region);
  const reason = await check(ctx, c, await listCacheClusters(ctx));
  if (!reason) throw new Error("It is in use again, or already gone: nothing was removed.");
  if (c.type === "cache-parameter-group") await deleteCacheParameterGroup(ctx, c.name);
  else await revokeIngress(ctx, c.groupId, c.ruleIds);
  await updateRun(storeOf(options), c.runId, (run) => {
    for (const r of run.created) {
      const same =
        c.type === "cache-parameter-group"
          ? r.type === c.type && r.name === c.name
          : r.type === c.type && r.groupId === c.groupId && r.ruleIds.join() === c.ruleIds.join();
      if (same) Object.assign(r, { removedAt: new Date().toISOString(), removedBy: options.user.name });
    }
  });
  return c.type === "cache-parameter-group"
    ? `Deleted parameter group ${c.name}.`
    : `Revoked ${c.ruleIds.join(", ")} from ${c.groupId}.`;
}
