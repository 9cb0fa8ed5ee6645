import "server-only";
import { AwsError } from "@/lib/adapters/aws/errors";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { AwsProblem } from "@/lib/core/model/resources";
import { collect } from "@/lib/services/collect/collect";
import { openScope } from "@/lib/services/estate/scope-access";
import type { Snapshot, RegionSnapshot } from "@/lib/core/model/snapshot";
import type { TargetRef } from "@/lib/core/identity/identity";
import { auditRegion, type RegionAudit } from "@/lib/core/readiness";
import { buildStatusRows } from "@/lib/core/rows/status-rows";
import { vpcNamesOf } from "@/lib/core/rows/row-actions";

export type SnapshotRead<S extends Snapshot> = { ok: true; snapshot: S } | { ok: false; problem: AwsProblem };

/** What the status page shows of one region: its audit, each row's topology, and how long the read took. */
export interface LoadedRegion {
  audit: RegionAudit;
  /** Topology line by `${kind}:${name}`. */
  topology: Record<string, string>;
  /** VPC id → its name as the wizard shows it. */
  vpcNames: Record<string, string>;
  ms: number;
}

async function attempt<S extends Snapshot>(read: () => Promise<S>): Promise<SnapshotRead<S>> {
  try {
    return { ok: true, snapshot: await read() };
  } catch (err) {
    if (err instanceof AwsError) return { ok: false, problem: err.problem };
    throw err;
  }
}

/**
 * Reads a region live, every time: the page must show the account as it is now, never a cached copy.
 * Only an unusable region (bad name, no credentials at all) fails as a whole; single reads fail inside
 * the snapshot and turn the checks that need them into Unknown.
 */
export function readSnapshot(settings: AwsSettings, region: string): Promise<SnapshotRead<RegionSnapshot>> {
  return attempt(async () => collect(await openScope(settings, region)));
}

/** One target and what it references (the detail page): no other cluster's parameters are read. */
export function readTargetSnapshot(settings: AwsSettings, ref: Omit<TargetRef, "accountId">) {
  return attempt(async () => {
    const access = await openScope(settings, ref.region);
    return collect(access, { target: { ...ref, accountId: access.scope.accountId } });
  });
}

export function topologyOf(snapshot: RegionSnapshot): Record<string, string> {
  return Object.fromEntries(buildStatusRows(snapshot).map((r) => [`${r.kind}:${r.name}`, r.topology]));
}

export async function loadRegion(settings: AwsSettings, region: string): Promise<LoadedRegion> {
  const started = performance.now();
  const read = await readSnapshot(settings, region);
  const ms = Math.round(performance.now() - started);
  if (!read.ok) {
    const audit: RegionAudit = {
      region,
      readAt: new Date().toISOString(),
      clusters: [],
      problems: [read.problem],
      failed: read.problem,
    };
    return { audit, topology: {}, vpcNames: {}, ms };
  }
  return {
    audit: auditRegion(read.snapshot),
    topology: topologyOf(read.snapshot),
    vpcNames: vpcNamesOf(read.snapshot),
    ms,
  };
}
