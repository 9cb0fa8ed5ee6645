/**
 * MemoryDB's reads for a snapshot: the region's clusters (with shards), parameter groups, subnet groups and
 * ACLs, and every parameter of each group a cluster uses, each distinct group once. MemoryDB's default
 * groups are read too: their values are MemoryDB's own (`noeviction`), not ElastiCache's family defaults.
 * A failed read is recorded as a problem for what it covers, as for ElastiCache.
 */
import type { AwsContext } from "@/lib/adapters/aws/context";
import {
  listMemoryDbAcls,
  listMemoryDbClusters,
  listMemoryDbParameterGroups,
  listMemoryDbParameters,
  listMemoryDbSubnetGroups,
} from "@/lib/adapters/aws/memorydb/reads";
import type { MemoryDbCluster, MemoryDbReads } from "@/lib/core/model/memorydb";
import { listSecurityGroups, listVpcs } from "@/lib/adapters/aws/ec2/reads";
import type { TargetRef } from "@/lib/core/identity/identity";
import type { FocusedSnapshot, ReadResult } from "@/lib/core/model/snapshot";
import type { ScopeAccess } from "@/lib/services/estate/scope-access";
import { readOwnership } from "./ownership";
import { limiter, settle } from "./read-result";

/** Parameter reads in flight at once: small requests, paged. */
const PARAMETER_CONCURRENCY = 8;

export function readMemoryDbClusters(ctx: AwsContext): Promise<ReadResult<MemoryDbCluster[]>> {
  return settle(listMemoryDbClusters(ctx));
}

/** The rest of the region's MemoryDB reads, once `clusters` (started by the caller) is in. */
export async function collectMemoryDb(
  ctx: AwsContext,
  clusters: Promise<ReadResult<MemoryDbCluster[]>>,
  extraGroups: string[] = [],
): Promise<MemoryDbReads> {
  const parameterGroups = settle(listMemoryDbParameterGroups(ctx));
  const subnetGroups = settle(listMemoryDbSubnetGroups(ctx));
  const acls = settle(listMemoryDbAcls(ctx));
  const listed = await clusters;
  const names = [
    ...new Set([
      ...(listed.ok ? listed.value.flatMap((c) => (c.parameterGroupName ? [c.parameterGroupName] : [])) : []),
      ...extraGroups.map((n) => n.toLowerCase()),
    ]),
  ].sort();
  const run = limiter(PARAMETER_CONCURRENCY);
  const parameters = Object.fromEntries(
    await Promise.all(
      names.map(async (name) => [name, await run(() => settle(listMemoryDbParameters(ctx, name)))] as const),
    ),
  );
  return {
    clusters: listed,
    parameterGroups: await parameterGroups,
    parameters,
    subnetGroups: await subnetGroups,
    acls: await acls,
  };
}

/** The security group ids the region's MemoryDB clusters carry (their ingress is judged like ElastiCache's). */
export function memoryDbSecurityGroupIds(clusters: ReadResult<MemoryDbCluster[]>): string[] {
  return clusters.ok ? clusters.value.flatMap((c) => c.securityGroups.map((g) => g.id)) : [];
}

/**
 * A MemoryDB target and what it references, for the preview and apply: the whole MemoryDB cluster list
 * (who else shares a group), its groups' parameters (and any the choices name), its subnet group's VPC and
 * the security groups in that VPC. No ElastiCache read: nothing of ElastiCache bears on the target.
 */
export async function collectMemoryDbFocus(
  { scope, ctx }: ScopeAccess,
  ref: TargetRef,
  extraGroups: string[],
): Promise<FocusedSnapshot> {
  const readAt = new Date().toISOString();
  const owners = readOwnership(ctx, scope);
  const clusters = readMemoryDbClusters(ctx);
  const memorydb = await collectMemoryDb(ctx, clusters, extraGroups);
  const target = memorydb.clusters.ok ? memorydb.clusters.value.find((c) => c.name === ref.id) : undefined;
  const vpcId =
    memorydb.subnetGroups.ok && target?.subnetGroupName
      ? memorydb.subnetGroups.value.find((g) => g.name === target.subnetGroupName)?.vpcId
      : undefined;
  const none = { ok: true as const, value: [] };
  const [vpcs, securityGroups] = await Promise.all([
    vpcId ? settle(listVpcs(ctx, { ids: [vpcId] })) : none,
    vpcId
      ? settle(listSecurityGroups(ctx, { vpcId }))
      : target && target.securityGroups.length > 0
        ? settle(listSecurityGroups(ctx, { ids: target.securityGroups.map((g) => g.id) }))
        : none,
  ]);
  return {
    coverage: "target",
    focus: ref,
    scope,
    region: scope.region,
    readAt,
    replicationGroups: none,
    cacheClusters: none,
    serverlessCaches: none,
    parameterGroups: none,
    parameters: {},
    subnetGroups: none,
    securityGroups,
    vpcs,
    memorydb,
    owners: await owners,
  };
}
