import "server-only";
import type { LoadedRegion } from "@/components/status/region-section";
import { buildStatusRows } from "@/components/status/status-rows";
import { AwsError, type AwsSettings } from "@/lib/aws";
import type { AwsProblem } from "@/lib/aws/types";
import { collectRegion } from "@/lib/audit";
import type { RegionSnapshot } from "@/lib/inventory/snapshot";
import { auditRegion, type RegionAudit } from "@/lib/readiness";

export type SnapshotRead = { ok: true; snapshot: RegionSnapshot } | { ok: false; problem: AwsProblem };

/**
 * Reads a region live, every time: the page must show the account as it is now, never a cached copy.
 * Only an unusable region (bad name, no credentials at all) fails as a whole; single reads fail inside
 * the snapshot and turn the checks that need them into Unknown.
 */
export async function readSnapshot(settings: AwsSettings, region: string): Promise<SnapshotRead> {
  try {
    return { ok: true, snapshot: await collectRegion(settings, region) };
  } catch (err) {
    if (err instanceof AwsError) return { ok: false, problem: err.problem };
    throw err;
  }
}

export function topologyOf(snapshot: RegionSnapshot): Record<string, string> {
  const value = <T>(read: { ok: true; value: T[] } | { ok: false }) => (read.ok ? read.value : []);
  const rows = buildStatusRows({
    region: snapshot.region,
    replicationGroups: value(snapshot.replicationGroups),
    cacheClusters: value(snapshot.cacheClusters),
    serverlessCaches: value(snapshot.serverlessCaches),
    subnetGroups: value(snapshot.subnetGroups),
  });
  return Object.fromEntries(rows.map((r) => [`${r.kind}:${r.name}`, r.topology]));
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
    return { audit, topology: {}, ms };
  }
  return { audit: auditRegion(read.snapshot), topology: topologyOf(read.snapshot), ms };
}
