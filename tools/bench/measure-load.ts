/**
 * The status page under load (issue 12): `users` signed-in users load /status?regions=all at the same
 * time until `loads` loads are done, against `replicas` production servers at `clusters` clusters. Each
 * load is timed to its last streamed byte and checked complete (tools/bench/page-complete.ts); each
 * replica's peak RSS covers the timed loads only. Then the same loads again while the first replica
 * audits the whole estate back to back (its Refresh, tools/bench/refresh-loop.ts): pages must not wait
 * on an audit. With `bursts` the loads are repeated that many times in a row, memory read after each
 * (the red team's run: 200 users, four bursts, every load classed by what it came back as).
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { buildApp, hasBuild, peakRss, resetPeakRss, startApp, type AppServer } from "./app-server";
import { readRegionTruth } from "./fleet-shape";
import { inBatches, loadBatch, loadPage, type BatchResult, type LoadUser } from "./load-batch";
import { refreshActionId, startRefreshLoop } from "./refresh-loop";
import type { SizeContext } from "./measure-size";
import { startLoadDatabase, type LoadDatabase } from "./load-database";
import { checkPage } from "./page-complete";
import { signIn } from "./status-page";

export interface LoadOptions {
  clusters: number;
  users: number;
  /** Loads per burst. */
  loads: number;
  replicas: number;
  /** Timed bursts one after another; memory is read after each. */
  bursts: number;
  /** PostgreSQL even for one replica (its pool under load). */
  postgres: boolean;
}

export interface LoadResult extends LoadOptions, BatchResult {
  latencyMs: number;
  database: LoadDatabase["kind"];
  htmlBytes: number;
  idsFound: number;
  idsExpected: number;
  /** Untimed: from the servers' start until the page first came back complete (the first audit, if stored). */
  firstCompleteMs: number;
  replicaPeakRssBytes: number[];
  /** The p95 goal, for runs of at most LOAD_GOAL_USERS users; null: figures only (the red team's 200). */
  goalP95Ms: number | null;
  /** The same loads while the first replica's audits run back to back; `audits` finished meanwhile. */
  duringAudit: BatchResult & { audits: number; auditProblems: string[] };
  /** duringAudit's p95 over the idle p95: the goal is at most 1.5. */
  auditP95Ratio: number;
  /** The machine's 1-minute load average before and after the timed loads (other work skews the figures). */
  loadAverage: [number, number];
}

export const LOAD_GOAL_P95_MS = 1_000;
/** The p95 goal is set for this many users at once (the default run); larger runs report figures only. */
export const LOAD_GOAL_USERS = 20;
export const LOAD_GOAL_AUDIT_RATIO = 1.5;

export async function measureLoad(
  c: Pick<SizeContext, "sandbox" | "settings" | "regions" | "latencyMs" | "log">,
  opts: LoadOptions,
): Promise<LoadResult> {
  if (!hasBuild()) {
    c.log("  .next has no production build: running next build first");
    await buildApp();
  }
  // The fleet exists before the servers start, so a first audit at start already sees it.
  await c.sandbox.generateFleet(opts.clusters, c.regions);
  await c.sandbox.setLatency(0);
  const ids = (await Promise.all(c.regions.map((r) => readRegionTruth(c.settings, r)))).flatMap(
    (t) => t.targetIds,
  );
  await c.sandbox.setLatency(c.latencyMs);
  const backend = await startLoadDatabase(opts.replicas, opts.postgres);
  const secret = randomBytes(32).toString("hex");
  const apps: AppServer[] = [];
  try {
    const startedAt = performance.now();
    for (let i = 0; i < opts.replicas; i++) {
      const env = {
        NEXTAUTH_SECRET: secret,
        QUEUEREADY_DATA_DIR: backend.dataDir(),
        QUEUEREADY_REFRESH_MIN_AGE_SECONDS: "0",
        ...backend.env,
      };
      apps.push(await startApp(c.sandbox.url, c.regions, env));
    }
    // Users are spread over the replicas as a round-robin proxy with sticky sessions would.
    const users = await inBatches(
      Array.from({ length: opts.users }, (_, i) => apps[i % apps.length]!),
      8,
      async (app) => ({ app, cookie: await signIn(app.url) }),
    );
    const first = await untilComplete(users, ids, c.log);
    const firstCompleteMs = performance.now() - startedAt;
    for (const app of apps) resetPeakRss(app.pid);

    const loads = { loads: opts.loads, bursts: opts.bursts };
    c.log(
      `  ${opts.users} users, ${opts.bursts} burst(s) of ${opts.loads} loads of /status?regions=all ` +
        `at ${opts.clusters} clusters...`,
    );
    const loadBefore = loadavg()[0]!;
    const idle = await loadBatch(users, ids, loads, c.log);
    c.log(`  the same loads while ${apps[0]!.url} audits the estate back to back (Refresh)...`);
    const refreshing = startRefreshLoop(users[0]!.app.url, users[0]!.cookie, refreshActionId());
    // Let the first audit get going before timing.
    await new Promise((r) => setTimeout(r, 500));
    const during = await loadBatch(users, ids, loads, c.log);
    const { audits, problems: auditProblems } = await refreshing.stop();
    return {
      ...opts,
      ...idle,
      latencyMs: c.latencyMs,
      database: backend.kind,
      htmlBytes: Buffer.byteLength(first.html),
      idsFound: checkPage(first.html, ids).idsFound,
      idsExpected: ids.length,
      firstCompleteMs,
      replicaPeakRssBytes: apps.map((a) => peakRss(a.pid)),
      goalP95Ms: opts.users <= LOAD_GOAL_USERS ? LOAD_GOAL_P95_MS : null,
      duringAudit: { ...during, audits, auditProblems },
      auditP95Ratio: during.p95Ms / idle.p95Ms,
      loadAverage: [loadBefore, loadavg()[0]!],
    };
  } finally {
    await Promise.all(apps.map((a) => a.stop()));
    await backend.stop();
  }
}

/** Loads until one comes back complete (the warm-up, and the first stored audit when the page reads one). */
async function untilComplete(users: LoadUser[], ids: string[], log: (l: string) => void) {
  const deadline = Date.now() + 10 * 60_000;
  for (let said = false; ;) {
    const pages = await Promise.all(
      users.slice(0, users.length > 1 ? 2 : 1).map((u) => loadPage(u.app.url, u.cookie)),
    );
    const checks = pages.map((p) => checkPage(p.html, ids));
    if (checks.every((c) => c.complete)) return pages[0]!;
    if (Date.now() > deadline)
      throw new Error(`the status page never came back complete: ${checks[0]!.problem}`);
    if (!said) log(`  waiting for a complete page (${checks.find((c) => !c.complete)!.problem})...`);
    said = true;
    await new Promise((r) => setTimeout(r, 2_000));
  }
}
