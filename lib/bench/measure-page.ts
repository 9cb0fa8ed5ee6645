import path from "node:path";
import { buildApp, hasBuild, peakRss, resetPeakRss, startApp } from "./app-server";
import { readFirstLoadJs } from "./first-load-js";
import { readRegionTruth } from "./fleet-shape";
import type { BenchReport } from "./report";
import type { SizeContext } from "./measure-size";
import { loadStatusPage, signIn } from "./status-page";
import { median } from "./table";

type PagePart = Pick<BenchReport, "page" | "appMemory" | "firstLoadJs">;

/**
 * Through the production app: the status page at `pageSize` clusters (median of `runs` loads after one
 * warm-up), the app's peak RSS while rendering the `memorySize` fleet, and first-load JS per route.
 */
export async function measurePage(c: SizeContext, pageSize: number, memorySize: number): Promise<PagePart> {
  let builtNow = false;
  if (!hasBuild()) {
    c.log("  .next has no production build: running next build first (about a minute on 2 cores)");
    await buildApp();
    builtNow = true;
  }
  const flj = readFirstLoadJs(path.join(process.cwd(), ".next"));
  const firstLoadJs = { ...flj, builtNow };

  const app = await startApp(c.sandbox.url, c.regions);
  try {
    const cookie = await signIn(app.url);
    const page = await timePage(c, app.url, cookie, pageSize);
    c.log(
      `  status page at ${pageSize}: median ${Math.round(page.medianMs)} ms, ${page.idsFound}/${page.idsExpected} targets in the HTML`,
    );

    await prepareFleet(c, memorySize);
    const ids = await expectedIds(c);
    const reset = resetPeakRss(app.pid);
    const load = await loadStatusPage(app.url, cookie, ids);
    const peakRssBytes = peakRss(app.pid);
    const appMemory: PagePart["appMemory"] = reset
      ? { clusters: memorySize, peakRssBytes }
      : { skipped: "cannot reset the kernel's peak-RSS mark (/proc/PID/clear_refs not writable)" };
    c.log(
      `  status page at ${memorySize}: ${Math.round(load.ms)} ms, ${load.idsFound}/${ids.length} targets; app peak RSS ${Math.round(peakRssBytes / 2 ** 20)} MB`,
    );
    return { page, appMemory, firstLoadJs };
  } finally {
    await app.stop();
  }
}

async function timePage(c: SizeContext, url: string, cookie: string, clusters: number) {
  await prepareFleet(c, clusters);
  const ids = await expectedIds(c);
  const warm = await loadStatusPage(url, cookie, ids);
  const runsMs: number[] = [];
  for (let i = 0; i < c.runs; i++) runsMs.push((await loadStatusPage(url, cookie, ids)).ms);
  return {
    clusters,
    runsMs,
    medianMs: median(runsMs),
    htmlBytes: warm.bytes,
    idsFound: warm.idsFound,
    idsExpected: ids.length,
  };
}

async function prepareFleet(c: SizeContext, clusters: number): Promise<void> {
  await c.sandbox.generateFleet(clusters, c.regions);
  await c.sandbox.setLatency(c.latencyMs);
}

/** Target ids read directly, latency off for the read (it is not part of the figure). */
async function expectedIds(c: SizeContext): Promise<string[]> {
  await c.sandbox.setLatency(0);
  try {
    const truth = await Promise.all(c.regions.map((r) => readRegionTruth(c.settings, r)));
    return truth.flatMap((t) => t.targetIds);
  } finally {
    await c.sandbox.setLatency(c.latencyMs);
  }
}
