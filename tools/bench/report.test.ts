import { describe, expect, it } from "vitest";
import { renderReport } from "./print";
import { judge, type BenchReport, type SizeResult } from "./report";

const size = (clusters: number, over: Partial<SizeResult>): SizeResult => ({
  clusters,
  regions: [],
  expectedTargets: clusters,
  auditTargets: clusters,
  auditRunsMs: [100],
  auditMedianMs: 100,
  calls: { "elasticache:DescribeCacheClusters": 1 },
  callsTotal: 10,
  sandboxCallsTotal: 10,
  lowerBound: {
    rounds: 2,
    ms: 80,
    regions: [
      {
        region: "us-east-1",
        rounds: 2,
        path: "DescribeCacheClusters 1 pages + DescribeCacheParameters 1 pages",
      },
    ],
  },
  ratio: 1.25,
  auditPeakRssBytes: 200 * 2 ** 20,
  ...over,
});

const base: Omit<BenchReport, "verdicts"> = {
  startedAt: "2026-01-01T00:00:00.000Z",
  machine: { cpus: 2, node: "20.20.0", platform: "linux" },
  options: { latencyMs: 40, sizes: [10, 1000], runs: 5, regions: ["us-east-1", "eu-west-1"] },
  formula: "lower bound = ...",
  sizes: [
    size(10, {
      callsTotal: 14,
      sandboxCallsTotal: 14,
      peer: { ms: 9000, calls: 20, ratio: 90, readClusters: 14 },
    }),
    size(1000, {
      callsTotal: 40,
      sandboxCallsTotal: 41,
      ratio: 1.6,
      auditTargets: 998,
      peer: { ms: 50, calls: 30, ratio: 0.5, readClusters: 1400 },
    }),
  ],
  page: {
    clusters: 1000,
    runsMs: [900, 1100, 1000],
    medianMs: 1000,
    htmlBytes: 400_000,
    idsFound: 1000,
    idsExpected: 1000,
    complete: true,
  },
  appMemory: { clusters: 3000, peakRssBytes: 300 * 2 ** 20 },
  firstLoadJs: {
    source: "diagnostics/route-bundle-stats.json",
    builtNow: false,
    routes: [
      { route: "/status", chunks: 6, rawBytes: 500_000, gzipBytes: 140 * 1024 },
      { route: "/wizard", chunks: 7, rawBytes: 600_000, gzipBytes: 160 * 1024 },
    ],
  },
};

describe("judge", () => {
  it("decides each of the issue's targets from the figures", () => {
    expect(judge(base)).toEqual([
      { target: "audit within 1.3x lower bound at 1000", met: false, detail: "1.60x" },
      { target: "faster than the AWS CLI at 10", met: true, detail: "CLI takes 90.0x the audit" },
      { target: "audit finds every target at 1000", met: false, detail: "998 of 1000" },
      { target: "faster than the AWS CLI at 1000", met: false, detail: "CLI takes 0.5x the audit" },
      {
        target: "calls grow with pages, not clusters",
        met: true,
        detail: "14 -> 40 calls for 10 -> 1000 clusters",
      },
      {
        target: "status page under 2000 ms at 1000",
        met: true,
        detail: "1000 ms, complete, 1000/1000 targets in the HTML",
      },
      {
        target: "first-load JS under 150 KB gzipped on every route",
        met: false,
        detail: "largest /wizard 160.0 KB",
      },
    ]);
  });

  it("does not judge what was skipped", () => {
    const skipped = {
      ...base,
      sizes: [size(10, { peer: { skipped: "--skip-peer" } })],
      page: { skipped: "--skip-page" },
      firstLoadJs: { skipped: "--skip-page" },
    };
    expect(judge(skipped)).toEqual([]);
  });
});

describe("renderReport", () => {
  it("prints the table with ratios, mismatched counts and the verdicts", () => {
    const text = renderReport({ ...base, verdicts: judge(base) });
    const lines = text.split("\n");
    expect(lines.find((l) => l.trimStart().startsWith("1000 "))).toMatch(
      /998\/1000\s+100 ms\s+80 ms \(2 rt\)\s+1\.60x\s+40\/41\s+us-east-1: DescribeCacheClusters/,
    );
    expect(text).toContain("elasticache:DescribeCacheClusters   1     1");
    expect(text).toContain(
      "status page GET /status?regions=all at 1000 clusters: median 1000 ms of [900, 1100, 1000] ms",
    );
    expect(text).toContain("app server peak RSS through its first audit and page at 3000 clusters: 300 MB");
    expect(text).toContain("/wizard       7  585.9 KB  160.0 KB");
    expect(text).toContain(
      "MISSED  first-load JS under 150 KB gzipped on every route: largest /wizard 160.0 KB",
    );
  });
});
