import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildApp, hasBuild, peakRss, startApp, type AppServer } from "./app-server";
import { readFirstLoadJs } from "./first-load-js";
import { readRegionTruth } from "./fleet-shape";
import type { BenchReport } from "./report";
import type { SizeContext } from "./measure-size";
import { loadStatusPage, signIn, type PageLoad } from "./status-page";
import { median } from "./table";

type PagePart = Pick<BenchReport, "page" | "appMemory" | "firstLoadJs">;

/**
 * Through the production app: the status page at `pageSize` clusters (median of `runs` loads after one
 * warm-up), the app's peak RSS through its first audit and render of the `memorySize` fleet, and first-load
 * JS per route. The page shows the stored audit, so each fleet is in place before its app starts (the
 * first audit runs at start) and timing waits for a complete page of that fleet.
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

  const page = await onFleet(c, pageSize, async (app, cookie, ids, warm) => {
    const runsMs: number[] = [];
    for (let i = 0; i < c.runs; i++) runsMs.push((await loadStatusPage(app.url, cookie, ids)).ms);
    const result = {
      clusters: pageSize,
      runsMs,
      medianMs: median(runsMs),
      htmlBytes: warm.bytes,
      idsFound: warm.idsFound,
      idsExpected: ids.length,
      complete: warm.complete,
    };
    c.log(`  status page at ${pageSize}: median ${Math.round(result.medianMs)} ms, complete`);
    return result;
  });
  const appMemory = await onFleet(c, memorySize, async (app) => {
    // VmHWM since the process started: its first audit of this fleet and a complete page load.
    const peakRssBytes = peakRss(app.pid);
    c.log(
      `  app peak RSS through the first audit and page at ${memorySize}: ${Math.round(peakRssBytes / 2 ** 20)} MB`,
    );
    return { clusters: memorySize, peakRssBytes };
  });
  return { page, appMemory, firstLoadJs };
}

/** Generates the fleet, starts an app on it with a data directory of its own, waits for a complete page. */
async function onFleet<T>(
  c: SizeContext,
  clusters: number,
  measure: (app: AppServer, cookie: string, ids: string[], first: PageLoad) => Promise<T>,
): Promise<T> {
  await c.sandbox.generateFleet(clusters, c.regions);
  await c.sandbox.setLatency(0);
  const truth = await Promise.all(c.regions.map((r) => readRegionTruth(c.settings, r)));
  const ids = truth.flatMap((t) => t.targetIds);
  await c.sandbox.setLatency(c.latencyMs);
  const dataDir = mkdtempSync(path.join(tmpdir(), "qr-bench-page-"));
  const app = await startApp(c.sandbox.url, c.regions, { QUEUEREADY_DATA_DIR: dataDir });
  try {
    const cookie = await signIn(app.url);
    const deadline = Date.now() + 10 * 60_000;
    let first = await loadStatusPage(app.url, cookie, ids);
    while (!first.complete) {
      if (Date.now() > deadline)
        throw new Error(`the status page never came back complete: ${first.problem}`);
      await new Promise((r) => setTimeout(r, 2_000));
      first = await loadStatusPage(app.url, cookie, ids);
    }
    return await measure(app, cookie, ids, first);
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
