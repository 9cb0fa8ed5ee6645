import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditFilters } from "@/components/status/audit-filters";
import { AwsProblemNotice } from "@/components/status/aws-problem-notice";
import { RegionPending, RegionSection, type LoadedRegion } from "@/components/status/region-section";
import { StatusRegionTabs } from "@/components/status/status-region-tabs";
import { StatusActions } from "@/components/status/status-actions";
import { VerdictSummary } from "@/components/status/verdict-summary";
import type { AuditQuery, SearchParams } from "@/components/status/audit-query";
import type { RegionChoice } from "@/components/status/region-choice";
import { Notice } from "@/components/ui/notice";
import { requireRole } from "@/lib/auth/require-role";
import { countVerdicts } from "@/lib/readiness/export";
import { loadRegion } from "@/lib/status/load-region";
import { resolveView } from "@/lib/status/resolve-view";

export const metadata: Metadata = { title: "Status" };
// Live AWS state: every request reads again, nothing is cached between requests.
export const dynamic = "force-dynamic";

/**
 * The readiness audit: a summary per verdict, then one card per region. With one region the page waits for
 * it (nothing useful to show before); with several, each region streams in as its reads finish and the
 * summary, which needs them all, comes last.
 */
export default async function StatusPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole("viewer");
  const view = resolveView(await searchParams);
  if (!view.ok) {
    return (
      <div className="space-y-6">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">Status</h1>
        <AwsProblemNotice what="the AWS settings cannot be used" problem={view.problem} />
      </div>
    );
  }
  const { settings, choice, query } = view;
  // All regions start reading now, in parallel; the sections below await their own.
  const loads = choice.regions.map((region) => ({ region, load: loadRegion(settings, region) }));
  const summary = <Summary loads={loads.map((l) => l.load)} choice={choice} query={query} />;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">Status</h1>
          <p className="mt-1 text-[13px] text-slate-500">
            Is BullMQ safe on each cluster, and what to do if not. Read live from ElastiCache and EC2.
          </p>
        </div>
        <StatusRegionTabs configured={settings.regions} choice={choice} query={query} />
      </div>
      {choice.unconfigured.map((r) => (
        <Notice key={r} tone="warning" title={`Region ${r} is not configured`}>
          Not read. Add it to QUEUEREADY_REGIONS to audit it.
        </Notice>
      ))}
      {loads.length === 1 ? summary : <Suspense fallback={<SummaryPending />}>{summary}</Suspense>}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <AuditFilters choice={choice} query={query} />
        <StatusActions choice={choice} query={query} />
      </div>
      {loads.map(({ region, load }) =>
        loads.length === 1 ? (
          <RegionSection key={region} load={load} query={query} />
        ) : (
          <Suspense key={region} fallback={<RegionPending region={region} />}>
            <RegionSection load={load} query={query} />
          </Suspense>
        ),
      )}
    </div>
  );
}

/** Counts across every region read, before filters: it needs them all, so it resolves last. */
async function Summary({
  loads,
  choice,
  query,
}: {
  loads: Promise<LoadedRegion>[];
  choice: RegionChoice;
  query: AuditQuery;
}) {
  const regions = await Promise.all(loads);
  return (
    <VerdictSummary
      counts={countVerdicts(regions.flatMap((r) => r.audit.clusters))}
      choice={choice}
      query={query}
    />
  );
}

function SummaryPending() {
  return (
    <div
      aria-busy="true"
      aria-label="Verdict summary, counting"
      className="h-[74px] animate-pulse rounded-lg bg-slate-100"
    />
  );
}
