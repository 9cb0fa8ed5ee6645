/**
 * Reads the live state the planner needs for one region, in as few calls as the question allows: the
 * fleet lists (paged), every parameter group's name (for unique names), the parameters of the custom groups
 * that matter (attached ones and those of the target's family, for reuse), and the security groups
 * attached to clusters plus every group in the target's VPC (for the application's group).
 */
import {
  isDefaultParameterGroup,
  listCacheClusters,
  listCacheParameterGroups,
  listCacheParameters,
  listCacheSubnetGroups,
  listReplicationGroups,
  listSecurityGroups,
  listServerlessCaches,
  listVpcs,
  type AwsContext,
  type SecurityGroup,
} from "@/lib/aws";
import { limiter, settle } from "@/lib/inventory/read-result";
import type { ReadResult, RegionSnapshot } from "@/lib/inventory/snapshot";
import {
  resolveTarget,
  tryComputePlan,
  type PlanResult,
  type TargetChoice,
  type WizardChoices,
} from "@/lib/plan";

export interface CollectOptions {
  /** The cluster being planned for: adds its VPC's security groups and its family's custom groups. */
  target?: TargetChoice;
  /** Parameter groups whose parameters must be read whatever else (e.g. the one the choices name). */
  groupNames?: string[];
}

export async function collectPlanningSnapshot(
  ctx: AwsContext,
  opts: CollectOptions = {},
): Promise<RegionSnapshot> {
  const readAt = new Date().toISOString();
  const [replicationGroups, cacheClusters, serverlessCaches, parameterGroups, subnetGroups, vpcs] =
    await Promise.all([
      settle(listReplicationGroups(ctx)),
      settle(listCacheClusters(ctx)),
      settle(listServerlessCaches(ctx)),
      settle(listCacheParameterGroups(ctx)),
      settle(listCacheSubnetGroups(ctx)),
      settle(listVpcs(ctx)),
    ]);
  const clusters = cacheClusters.ok ? cacheClusters.value : [];
  const partial: RegionSnapshot = {
    region: ctx.region,
    readAt,
    replicationGroups,
    cacheClusters,
    serverlessCaches,
    parameterGroups,
    subnetGroups,
    vpcs,
    parameters: {},
    securityGroups: { ok: true, value: [] },
  };
  const resolved = opts.target ? resolveTarget(partial, opts.target) : undefined;
  const target = resolved?.ok ? resolved.target : undefined;

  const attachedIds = [
    ...new Set([
      ...clusters.flatMap((c) => c.securityGroups.map((g) => g.id)),
      ...valueIds(serverlessCaches),
    ]),
  ];
  // A default.* group holds its family defaults for good, and the planner knows them without a read
  // (lib/plan parameterValue), so only custom groups cost DescribeCacheParameters pages.
  const attachedNames = clusters.flatMap((c) => (c.parameterGroup ? [c.parameterGroup.name] : []));
  const groupNames = new Set(
    [...attachedNames, ...(opts.groupNames ?? [])].filter((name) => !isDefaultParameterGroup(name)),
  );
  if (target?.family && parameterGroups.ok) {
    for (const g of parameterGroups.value)
      if (g.family === target.family && !isDefaultParameterGroup(g.name)) groupNames.add(g.name);
  }
  // Parameter reads page (a group has more than 100 rows), so at most 8 groups are read at once.
  const run = limiter(8);
  const [attached, inVpc, parameterReads] = await Promise.all([
    attachedIds.length > 0
      ? settle(listSecurityGroups(ctx, { ids: attachedIds }))
      : Promise.resolve({ ok: true as const, value: [] }),
    target?.vpcId ? settle(listSecurityGroups(ctx, { vpcId: target.vpcId })) : Promise.resolve(undefined),
    Promise.all(
      [...groupNames]
        .sort()
        .map(async (name) => [name, await run(() => settle(listCacheParameters(ctx, name)))] as const),
    ),
  ]);
  return {
    ...partial,
    parameters: Object.fromEntries(parameterReads),
    securityGroups: mergeGroups(attached, inVpc),
  };
}

/**
 * The plan for `choices` from live state read now. The preview and the apply's re-check both go through
 * here, so the apply compares its fingerprint against a plan made from exactly the same reads.
 */
export async function planFromLiveState(ctx: AwsContext, choices: WizardChoices): Promise<PlanResult> {
  const snapshot = await collectPlanningSnapshot(ctx, {
    target: choices.target,
    groupNames: [choices.parameterGroup.name.toLowerCase()],
  });
  return tryComputePlan(snapshot, choices);
}

function valueIds(read: RegionSnapshot["serverlessCaches"]): string[] {
  return read.ok ? read.value.flatMap((c) => c.securityGroupIds) : [];
}

function mergeGroups(
  a: ReadResult<SecurityGroup[]>,
  b: ReadResult<SecurityGroup[]> | undefined,
): ReadResult<SecurityGroup[]> {
  if (!a.ok) return a;
  if (!b) return a;
  if (!b.ok) return b;
  const byId = new Map([...a.value, ...b.value].map((g) => [g.id, g]));
  return { ok: true, value: [...byId.values()].sort((x, y) => x.id.localeCompare(y.id)) };
}
