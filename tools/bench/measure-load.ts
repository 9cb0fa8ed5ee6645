/**
 * The status page under load (issue 12): `users` signed-in users load /status?regions=all at the same
 * time until `loads` loads are done, against `replicas` production servers at `clusters` clusters. Each
 * load is timed to its last streamed byte and checked complete (tools/bench/page-complete.ts); each
 * replica's peak RSS covers the timed loads only.
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { buildApp, cpuTimeMs, hasBuild, peakRss, resetPeakRss, startApp, type AppServer } from "./app-server";
import { readRegionTruth } from "./fleet-shape";
import { loadFigures, type LoadFigures } from "./load-stats";
import type { SizeContext } from "./measure-size";
import { startLoadDatabase, type LoadDatabase } from "./load-database";
import { checkPage } from "./page-complete";
import { signIn } from "./status-page";

export interface LoadOptions {
  clusters: number;
  users: number;
  loads: number;
  replicas: number;
}

export interface LoadResult extends LoadOptions, LoadFigures {
  latencyMs: number;
  database: LoadDatabase["kind"];
  wallMs: number;
  complete: number;
  /** The first few incomplete or failed loads, with why. */
  problems: string[];
  htmlBytes: number;
  idsFound: number;
  idsExpected: number;
  /** Untimed: from the servers' start until the page first came back complete (the first audit, if stored). */
  firstCompleteMs: number;
  replicaPeakRssBytes: number[];
  /** Server CPU time (user + system) per timed load, all replicas together: a figure other work barely skews. */
  serverCpuMsPerLoad: number;
  goalP95Ms: number;
  /** The machine's 1-minute load average before and after the timed loads (other work skews the figures). */
  loadAverage: [number, number];
}

export const LOAD_GOAL_P95_MS = 2_000;

interface Load {
  ms: number;
  html: string;
}

async function load(url: string, cookie: string): Promise<Load> {
  const started = performance.now();
  const res = await fetch(`${url}/status?regions=all`, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`answered ${res.status} ${res.headers.get("location") ?? ""}`);
  return { ms, html };
}

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
  const backend = await startLoadDatabase(opts.replicas);
  const secret = randomBytes(32).toString("hex");
  const apps: AppServer[] = [];
  try {
    const startedAt = performance.now();
    for (let i = 0; i < opts.replicas; i++) {
      const env = { NEXTAUTH_SECRET: secret, QUEUEREADY_DATA_DIR: backend.dataDir(), ...backend.env };
      apps.push(await startApp(c.sandbox.url, c.regions, env));
    }
    // Users are spread over the replicas as a round-robin proxy with sticky sessions would.
    const users = await Promise.all(
      Array.from({ length: opts.users }, async (_, i) => {
        const app = apps[i % apps.length]!;
        return { app, cookie: await signIn(app.url) };
      }),
    );
    const first = await untilComplete(users, ids, c.log);
    const firstCompleteMs = performance.now() - startedAt;
    for (const app of apps) resetPeakRss(app.pid);

    c.log(
      `  ${opts.users} users, ${opts.loads} loads of /status?regions=all at ${opts.clusters} clusters...`,
    );
    const timed: number[] = [];
    const problems: string[] = [];
    let complete = 0;
    let next = 0;
    const loadBefore = loadavg()[0]!;
    const cpuBefore = apps.reduce((sum, a) => sum + cpuTimeMs(a.pid), 0);
    const batchStart = performance.now();
    await Promise.all(
      users.map(async (u) => {
        while (next < opts.loads) {
          const n = ++next;
          try {
            const page = await load(u.app.url, u.cookie);
            timed.push(page.ms);
            const check = checkPage(page.html, ids);
            if (check.complete) complete++;
            else if (problems.length < 5) problems.push(`load ${n}: ${check.problem}`);
          } catch (err) {
            if (problems.length < 5) problems.push(`load ${n}: ${(err as Error).message}`);
          }
        }
      }),
    );
    const wallMs = performance.now() - batchStart;
    const cpuMs = apps.reduce((sum, a) => sum + cpuTimeMs(a.pid), 0) - cpuBefore;
    return {
      ...opts,
      ...loadFigures(timed),
      latencyMs: c.latencyMs,
      database: backend.kind,
      wallMs,
      complete,
      problems,
      htmlBytes: Buffer.byteLength(first.html),
      idsFound: checkPage(first.html, ids).idsFound,
      idsExpected: ids.length,
      firstCompleteMs,
      replicaPeakRssBytes: apps.map((a) => peakRss(a.pid)),
      serverCpuMsPerLoad: cpuMs / opts.loads,
      goalP95Ms: LOAD_GOAL_P95_MS,
      loadAverage: [loadBefore, loadavg()[0]!],
    };
  } finally {
    await Promise.all(apps.map((a) => a.stop()));
    await backend.stop();
  }
}

/** Loads until one comes back complete (the warm-up, and the first stored audit when the page reads one). */
async function untilComplete(
  users: { app: AppServer; cookie: string }[],
  ids: string[],
  log: (l: string) => void,
) {
  const deadline = Date.now() + 10 * 60_000;
  for (let said = false; ;) {
    const pages = await Promise.all(
      users.slice(0, users.length > 1 ? 2 : 1).map((u) => load(u.app.url, u.cookie)),
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
