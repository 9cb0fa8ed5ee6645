import type { RouteJs } from "./first-load-js";
import type { LoadResult } from "./measure-load";
import type { LowerBound, RegionFleetShape } from "./lower-bound";

/** One fleet size, everything measured side by side in the same run. */
export interface SizeResult {
  clusters: number;
  regions: (RegionFleetShape & { targets: number })[];
  /** Rows the audit should produce (direct reads) and the rows it did produce. */
  expectedTargets: number;
  auditTargets: number;
  auditRunsMs: number[];
  auditMedianMs: number;
  /** AWS requests of one audit run by `service:Operation`, counted by lib/adapters/aws's onRequest hook. */
  calls: Record<string, number>;
  callsTotal: number;
  /** The same run counted by the sandbox: must equal callsTotal. */
  sandboxCallsTotal: number;
  lowerBound: LowerBound;
  /** auditMedianMs / lowerBound.ms */
  ratio: number;
  /** Peak RSS of this benchmark process (the in-process audit) while auditing this size. */
  auditPeakRssBytes: number;
  peer?: { ms: number; calls: number; ratio: number; readClusters: number } | { skipped: string };
}

export interface PageResult {
  clusters: number;
  runsMs: number[];
  medianMs: number;
  htmlBytes: number;
  idsFound: number;
  idsExpected: number;
  /** The warm-up page was whole (tools/bench/page-complete.ts): closed, every section completed, the fleet shown. */
  complete: boolean;
}

export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; node: string; platform: string };
  options: { latencyMs: number; sizes: number[]; runs: number; regions: string[] };
  formula: string;
  peerCli?: { path: string; version: string; serverless: boolean };
  sizes: SizeResult[];
  page?: PageResult | { skipped: string };
  appMemory?: { clusters: number; peakRssBytes: number } | { skipped: string };
  firstLoadJs?: { source: string; builtNow: boolean; routes: RouteJs[] } | { skipped: string };
  /** The status page under load (users x loads), see measure-load.ts. */
  load?: LoadResult | { skipped: string };
  /** Targets of the issue, each met or missed with the figure that decides it. */
  verdicts: { target: string; met: boolean; detail: string }[];
}

export const TARGETS = { lowerBoundRatio: 1.3, pageMs: 2000, firstLoadKb: 150 } as const;

/** Judges the targets from the figures; missing figures (skipped parts) are not judged. */
export function judge(report: Omit<BenchReport, "verdicts">): BenchReport["verdicts"] {
  const out: BenchReport["verdicts"] = [];
  for (const s of report.sizes.filter((x) => x.clusters >= 1000)) {
    out.push({
      target: `audit within ${TARGETS.lowerBoundRatio}x lower bound at ${s.clusters}`,
      met: s.ratio <= TARGETS.lowerBoundRatio,
      detail: `${s.ratio.toFixed(2)}x`,
    });
  }
  for (const s of report.sizes) {
    if (s.auditTargets !== s.expectedTargets) {
      out.push({
        target: `audit finds every target at ${s.clusters}`,
        met: false,
        detail: `${s.auditTargets} of ${s.expectedTargets}`,
      });
    }
    if (s.peer && "ratio" in s.peer) {
      out.push({
        target: `faster than the AWS CLI at ${s.clusters}`,
        met: s.peer.ratio > 1,
        detail: `CLI takes ${s.peer.ratio.toFixed(1)}x the audit`,
      });
    }
  }
  const bySize = [...report.sizes].sort((a, b) => a.clusters - b.clusters);
  const first = bySize[0];
  const last = bySize[bySize.length - 1];
  if (first && last && last.clusters >= 10 * first.clusters) {
    const growth = last.callsTotal / first.callsTotal;
    out.push({
      target: "calls grow with pages, not clusters",
      met: growth < last.clusters / first.clusters / 4,
      detail: `${first.callsTotal} -> ${last.callsTotal} calls for ${first.clusters} -> ${last.clusters} clusters`,
    });
  }
  if (report.page && "medianMs" in report.page) {
    const p = report.page;
    out.push({
      target: `status page under ${TARGETS.pageMs} ms at ${p.clusters}`,
      met: p.medianMs < TARGETS.pageMs && p.complete,
      detail: `${Math.round(p.medianMs)} ms, ${p.complete ? "complete" : "incomplete"}, ${p.idsFound}/${p.idsExpected} targets in the HTML`,
    });
  }
  if (report.firstLoadJs && "routes" in report.firstLoadJs) {
    const worst = report.firstLoadJs.routes.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
    out.push({
      target: `first-load JS under ${TARGETS.firstLoadKb} KB gzipped on every route`,
      met: worst.gzipBytes < TARGETS.firstLoadKb * 1024,
      detail: `largest ${worst.route} ${(worst.gzipBytes / 1024).toFixed(1)} KB`,
    });
  }
  return out;
}
