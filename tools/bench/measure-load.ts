/**
 * The status page under load (issue 12): `users` signed-in users load /status?regions=all at the same
 * time until `loads` loads are done, against `replicas` production servers at `clusters` clusters. Each
 * load is timed to its last streamed byte and checked complete (tools/bench/page-complete.ts); each
 * replica's peak RSS covers the timed loads only.
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import {
  buildApp,
  cpuTimeMs,
  currentRss,
  hasBuild,
  peakRss,
  resetPeakRss,
  startApp,
  type AppServer,
} from "./app-server";
import { noOutcomes, outcomeOf, type OutcomeCounts } from "./load-outcome";
import { readRegionTruth } from "./fleet-shape";
import { loadFigures, type LoadFigures } from "./load-stats";
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
  /** Timed bursts one after another (default 1); memory is read after each. */
  bursts?: number;
  /** PostgreSQL even for one replica. */
  postgres?: boolean;
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
  /** Every timed load by what it came back as (all bursts). */
  outcomes: OutcomeCounts;
  /** All replicas' resident memory right after each burst, and before the first. */
  rssBeforeBytes: number;
  rssAfterBurstBytes: number[];
}

export const LOAD_GOAL_P95_MS = 2_000;

interface Load {
  ms: number;
  html: string;
  status: number;
  location: string | null;
}

/** One load, whatever it answers (status 0: no answer at all). */
async function attempt(url: string, cookie: string): Promise<Load> {
  const started = performance.now();
  try {
    const res = await fetch(`${url}/status?regions=all`, {
      headers: { cookie, accept: "text/html" },
      redirect: "manual",
    });
    const html = await res.text();
    return {
      ms: performance.now() - started,
      html,
      status: res.status,
      location: res.headers.get("location"),
    };
  } catch (err) {
    return { ms: performance.now() - started, html: String(err), status: 0, location: null };
  }
}

async function load(url: string, cookie: string): Promise<Load> {
  const page = await attempt(url, cookie);
  if (page.status !== 200) throw new Error(`answered ${page.status} ${page.location ?? ""}`);
  return page;
}

/** `fn` over `items`, `limit` at a time (signing 200 users in at once would only measure bcrypt). */
async function inBatches<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += limit)
    out.push(...(await Promise.all(items.slice(i, i + limit).map(fn))));
  return out;
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
  const backend = await startLoadDatabase(opts.replicas, opts.postgres);
  const secret = randomBytes(32).toString("hex");
  const apps: AppServer[] = [];
  try {
    const startedAt = performance.now();
    for (let i = 0; i < opts.replicas; i++) {
      const env = { NEXTAUTH_SECRET: secret, QUEUEREADY_DATA_DIR: backend.dataDir(), ...backend.env };
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

    const bursts = opts.bursts ?? 1;
    c.log(
      `  ${opts.users} users, ${bursts} burst(s) of ${opts.loads} loads of /status?regions=all at ${opts.clusters} clusters...`,
    );
    const timed: number[] = [];
    const problems: string[] = [];
    const outcomes = noOutcomes();
    const rssOfAll = () => apps.reduce((sum, a) => sum + currentRss(a.pid), 0);
    const rssBeforeBytes = rssOfAll();
    const rssAfterBurstBytes: number[] = [];
    const loadBefore = loadavg()[0]!;
    const cpuBefore = apps.reduce((sum, a) => sum + cpuTimeMs(a.pid), 0);
    const batchStart = performance.now();
    for (let burst = 0; burst < bursts; burst++) {
      let next = 0;
      await Promise.all(
        users.map(async (u) => {
          while (next < opts.loads) {
            const n = ++next;
            const page = await attempt(u.app.url, u.cookie);
            timed.push(page.ms);
            const check = page.status === 200 ? checkPage(page.html, ids) : undefined;
            const outcome = outcomeOf(page.status, page.location, check?.complete ?? false);
            outcomes[outcome]++;
            if (outcome !== "complete" && problems.length < 5)
              problems.push(
                `burst ${burst + 1} load ${n}: ${check?.problem ?? `answered ${page.status} ${page.location ?? page.html.slice(0, 120)}`}`,
              );
          }
        }),
      );
      rssAfterBurstBytes.push(rssOfAll());
      c.log(`  burst ${burst + 1}: RSS ${Math.round(rssAfterBurstBytes.at(-1)! / 2 ** 20)} MB`);
    }
    const complete = outcomes.complete;
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
      serverCpuMsPerLoad: cpuMs / (opts.loads * bursts),
      outcomes,
      rssBeforeBytes,
      rssAfterBurstBytes,
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
