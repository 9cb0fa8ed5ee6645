/**
 * The live audit of several regions: each region is read and judged on its own, all at once, and can be
 * reported the moment it completes (the status page streams them; the CLI waits for all). A region that
 * cannot be read at all still yields a RegionAudit, with `failed` set, never a thrown error.
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { RequestListener } from "@/lib/adapters/aws/context";
import { collect } from "@/lib/services/collect/collect";
import { openScope } from "@/lib/services/estate/scope-access";
import type { CollectOptions as InventoryOptions } from "@/lib/services/collect/collect-region";
import type { RegionAudit } from "@/lib/core/readiness";
import { judgeRegion } from "./judge-region";

export interface CollectOptions extends InventoryOptions {
  /** Called once per HTTP request sent (retries included), for call counting. */
  onRequest?: RequestListener;
}

export interface AuditRegionsOptions extends CollectOptions {
  /** Called with each region's audit as soon as it is ready, in completion order. */
  onRegion?: (audit: RegionAudit) => void;
}

/** Collects and audits one region; an unusable region becomes a failed RegionAudit. */
export async function auditLiveRegion(
  settings: AwsSettings,
  region: string,
  opts: CollectOptions = {},
): Promise<RegionAudit> {
  try {
    const access = await openScope(settings, region, { onRequest: opts.onRequest });
    return await judgeRegion(await collect(access, undefined, opts));
  } catch (err) {
    return failedRegion(region, err, opts);
  }
}

/** A region that could not be read at all: its AwsError as the region's one problem (anything else throws). */
function failedRegion(region: string, err: unknown, opts: CollectOptions): RegionAudit {
  if (!(err instanceof AwsError)) throw err;
  const readAt = (opts.now ?? (() => new Date()))().toISOString();
  return { region, readAt, clusters: [], problems: [err.problem], failed: err.problem };
}

/** Audits every region in parallel; resolves with the audits in the order of `regions`. */
export async function auditRegions(
  settings: AwsSettings,
  regions: string[],
  opts: AuditRegionsOptions = {},
): Promise<RegionAudit[]> {
  return Promise.all(
    [...new Set(regions)].map(async (region) => {
      const audit = await auditLiveRegion(settings, region, opts);
      opts.onRegion?.(audit);
      return audit;
    }),
  );
}
