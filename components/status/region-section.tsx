import { Card, CardHeader } from "@/components/ui/card";
import { countVerdicts } from "@/lib/readiness/export";
import { VERDICT_LABELS, type Verdict } from "@/lib/readiness/types";
import { applyAuditQuery, isFiltered, type AuditQuery } from "./audit-query";
import { AuditTable } from "./audit-table";
import { AwsProblemNotice } from "./aws-problem-notice";
import { plural } from "@/lib/text/plural";

import type { LoadedRegion } from "@/lib/status/load-region";

export type { LoadedRegion };

/**
 * A region's card. Async so that, under a Suspense boundary, each region streams in the moment its reads
 * finish; the slowest region never holds back the others.
 */
export async function RegionSection({ load, query }: { load: Promise<LoadedRegion>; query: AuditQuery }) {
  const { audit, topology, vpcNames, ms } = await load;
  const rows = applyAuditQuery(audit.clusters, query);
  const counts = countVerdicts(audit.clusters);
  const readAt = audit.readAt.slice(11, 19);
  const shown = isFiltered(query)
    ? `${rows.length} of ${plural(audit.clusters.length, "cluster")} shown`
    : plural(audit.clusters.length, "cluster");
  const tally = (Object.keys(VERDICT_LABELS) as Verdict[])
    .filter((v) => counts[v] > 0)
    .map((v) => `${counts[v]} ${VERDICT_LABELS[v].toLowerCase()}`)
    .join(", ");
  return (
    <Card aria-label={`Region ${audit.region}`}>
      <CardHeader
        title={<span className="font-mono">{audit.region}</span>}
        description={`${shown}${tally ? ` (${tally})` : ""} · read at ${readAt} UTC in ${(ms / 1000).toFixed(1)} s`}
      />
      {audit.problems.length > 0 ? (
        <div className="space-y-2 border-b border-slate-200 px-5 py-4">
          {audit.problems.map((p, i) => (
            <AwsProblemNotice
              key={i}
              what={
                audit.failed ? "nothing in this region could be read" : "the checks that need it are Unknown"
              }
              problem={p}
            />
          ))}
        </div>
      ) : null}
      {rows.length > 0 ? (
        <AuditTable
          rows={rows}
          topology={topology}
          vpcNames={vpcNames}
          label={`Clusters in ${audit.region}`}
        />
      ) : (
        <p className="px-5 py-10 text-center text-sm text-slate-500">
          {audit.failed
            ? "Nothing to show until the read above succeeds."
            : audit.clusters.length > 0
              ? "No cluster in this region matches the filters."
              : `No ElastiCache clusters in ${audit.region}.`}
        </p>
      )}
    </Card>
  );
}

/** What a region shows while its reads are in flight. */
export function RegionPending({ region }: { region: string }) {
  return (
    <Card aria-busy="true" aria-label={`Region ${region}`}>
      <CardHeader title={<span className="font-mono">{region}</span>} description="Reading live state…" />
      <div className="space-y-2 px-5 py-5" aria-hidden>
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-5 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </Card>
  );
}
