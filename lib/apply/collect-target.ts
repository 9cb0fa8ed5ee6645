/**
 * Reads the live state the planner needs for one region, in as few calls as the question allows: the
 * fleet lists (paged), every parameter group's name (for unique names), the parameters of the groups that
 * matter (attached ones and custom groups of the target's family, for reuse), and the security groups
 * attached to clusters plus every group in the target's VPC (for the application's group).
 */
import {
  AwsError,
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
  type CacheParameter,
  type SecurityGroup,
} from "@/lib/aws";
import type { ReadResult, RegionSnapshot } from "@/lib/inventory/snapshot";
import { resolveTarget, type TargetChoice } from "@/lib/plan";

async function read<T>(run: () => Promise<T>): Promise<ReadResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof AwsError) return { ok: false, problem: err.problem };
    throw err;
  }
}

/** Runs `task` over `items` with at most `limit` at a time (parameter reads page, so keep AWS calm). */
async function mapLimit<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface CollectOptions {
  /** The cluster being planned for: adds its VPC's security groups and its family's custom groups. */
  target?: TargetChoice;
  /** Parameter groups whose parameters must be read whatever else (e.g. the one the choices name). */
  groupNames?: string[];
}

export async function collectPlanningSnapshot(ctx: AwsContext, opts: CollectOptions = {}): Promise<RegionSnapshot> {
  const readAt = new Date().toISOString();
  const [replicationGroups, cacheClusters, serverlessCaches, parameterGroups, subnetGroups, vpcs] = await Promise.all([
    read(() => listReplicationGroups(ctx)),
    read(() => listCacheClusters(ctx)),
    read(() => listServerlessCaches(ctx)),
    read(() => listCacheParameterGroups(ctx)),
    read(() => listCacheSubnetGroups(ctx)),
    read(() => listVpcs(ctx)),
  ]);
  const clusters = cacheClusters.ok ? cacheClusters.value : [];
  const partial: RegionSnapshot = {
    region: ctx.region, readAt, replicationGroups, cacheClusters, serverlessCaches, parameterGroups, subnetGroups, vpcs,
    parameters: {}, securityGroups: { ok: true, value: [] },
  };
  const resolved = opts.target ? resolveTarget(partial, opts.target) : undefined;
  const target = resolved?.ok ? resolved.target : undefined;

  const attachedIds = [...new Set([...clusters.flatMap((c) => c.securityGroups.map((g) => g.id)), ...(valueIds(serverlessCaches))])];
  const groupNames = new Set([...clusters.flatMap((c) => (c.parameterGroup ? [c.parameterGroup.name] : [])), ...(opts.groupNames ?? [])]);
  if (target?.family && parameterGroups.ok) {
    for (const g of parameterGroups.value) if (g.family === target.family && !isDefaultParameterGroup(g.name)) groupNames.add(g.name);
  }
  const [attached, inVpc, parameterReads] = await Promise.all([
    read(() => (attachedIds.length > 0 ? listSecurityGroups(ctx, { ids: attachedIds }) : Promise.resolve([]))),
    target?.vpcId ? read(() => listSecurityGroups(ctx, { vpcId: target.vpcId })) : Promise.resolve(undefined),
    mapLimit([...groupNames].sort(), 8, async (name) => [name, await read<CacheParameter[]>(() => listCacheParameters(ctx, name))] as const),
  ]);
  return { ...partial, parameters: Object.fromEntries(parameterReads), securityGroups: mergeGroups(attached, inVpc) };
}

function valueIds(read: RegionSnapshot["serverlessCaches"]): string[] {
  return read.ok ? read.value.flatMap((c) => c.securityGroupIds) : [];
}

function mergeGroups(a: ReadResult<SecurityGroup[]>, b: ReadResult<SecurityGroup[]> | undefined): ReadResult<SecurityGroup[]> {
  if (!a.ok) return a;
  if (!b) return a;
  if (!b.ok) return b;
  const byId = new Map([...a.value, ...b.value].map((g) => [g.id, g]));
  return { ok: true, value: [...byId.values()].sort((x, y) => x.id.localeCompare(y.id)) };
}
