import { describe, expect, it } from "vitest";
import type { BatchResult } from "./load-batch";
import { noOutcomes } from "./load-outcome";
import type { LoadResult } from "./measure-load";
import { renderLoad } from "./render-load";

const MB = 2 ** 20;

function batch(p95Ms: number, count: number, over: Partial<BatchResult> = {}): BatchResult {
  return {
    count,
    medianMs: p95Ms / 2,
    p95Ms,
    minMs: 10,
    maxMs: p95Ms + 1,
    wallMs: 5_000,
    complete: count,
    outcomes: { ...noOutcomes(), complete: count },
    problems: [],
    serverCpuMsPerLoad: 30,
    rssBeforeBytes: 300 * MB,
    rssAfterBurstBytes: [320 * MB, 330 * MB],
    ...over,
  };
}

function result(users: number, goalP95Ms: number | null, idle: BatchResult, during: BatchResult): LoadResult {
  return {
    clusters: 100,
    users,
    loads: 10,
    replicas: 1,
    bursts: 2,
    postgres: false,
    ...idle,
    latencyMs: 40,
    database: "embedded",
    htmlBytes: 200 * 1024,
    idsFound: 100,
    idsExpected: 100,
    firstCompleteMs: 3_000,
    replicaPeakRssBytes: [400 * MB],
    goalP95Ms,
    duringAudit: { ...during, audits: 3, auditProblems: [] },
    auditP95Ratio: during.p95Ms / idle.p95Ms,
    loadAverage: [1, 2],
  };
}

describe("renderLoad", () => {
  it("judges the p95 goal over every load of every burst, and the ratio while audits run", () => {
    const text = renderLoad(result(20, 1_000, batch(800, 20), batch(1_000, 20)));
    expect(text).toContain("2 burst(s) of 10 loads");
    expect(text).toMatch(/\| 20\/20 \|.*\| < 1000 ms: met \|/);
    expect(text).toContain("1.25x | <= 1.5x: met |");
    expect(text).toContain("| idle | 20 | 20 | 0 | 0 | 0 | 0 | 0 | 300 MB | 320 MB -> 330 MB |");

    const missed = renderLoad(result(20, 1_000, batch(800, 20, { complete: 19 }), batch(2_000, 20)));
    expect(missed).toMatch(/\| 19\/20 \|.*\| < 1000 ms: missed \|/);
    expect(missed).toContain("2.50x | <= 1.5x: missed |");
  });

  it("reports a run above the goal's users without a pass or fail, with each load's outcome", () => {
    const outcomes = { ...noOutcomes(), complete: 15, "sent-to-sign-in": 2, unavailable: 3 };
    const idle = batch(4_000, 20, {
      complete: 15,
      outcomes,
      problems: ["burst 1 load 4: answered 503 "],
    });
    const text = renderLoad(result(200, null, idle, batch(5_000, 20, { problems: ["load 2: short"] })));
    expect(text).toContain("| none above 20 users |");
    expect(text).not.toContain("< 1000 ms");
    expect(text).toContain("| idle | 20 | 15 | 0 | 2 | 3 | 0 | 0 | 300 MB | 320 MB -> 330 MB |");
    expect(text).toContain("  - burst 1 load 4: answered 503");
    expect(text).toContain("  - while audits ran, load 2: short");
  });
});
