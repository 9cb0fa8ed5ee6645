/**
 * `npm run bench`: the fleet-scale benchmark of the audit (see tools/bench/README.md for each figure).
 * Starts the sandbox in a child process, measures every size side by side, prints the table and writes
 * bench-results/bench-<timestamp>.json. Exit 0 when it ran (targets missed are reported, not fatal),
 * 1 when a measurement failed, 2 on a usage error.
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { LOWER_BOUND_FORMULA } from "./lower-bound";
import { measureEstate } from "./measure-estate";
import { renderEstate } from "./estate-table";
import { measureLoad, type LoadOptions } from "./measure-load";
import { measurePage } from "./measure-page";
import { measureSize, type SizeContext } from "./measure-size";
import { BenchUsageError, parseBenchOptions, USAGE, type BenchOptions } from "./options";
import { findAwsCli } from "./peer";
import { renderReport } from "./print";
import { renderLoad } from "./render-load";
import { judge, type BenchReport } from "./report";
import { startSandboxProcess } from "./sandbox-process";

const REGIONS = ["us-east-1", "eu-west-1"];

async function main(opts: BenchOptions): Promise<void> {
  const startedAt = new Date().toISOString();
  const log = (line: string) => console.error(line);
  log(`starting the sandbox (latency ${opts.latencyMs} ms)...`);
  const sandbox = await startSandboxProcess(opts.latencyMs);
  try {
    const settings: AwsSettings = {
      endpoint: sandbox.url,
      regions: REGIONS,
      defaultRegion: REGIONS[0] ?? "us-east-1",
      maxAttempts: 5,
      credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
    };
    if (opts.estate) {
      const estate = await measureEstate(
        sandbox,
        settings,
        {
          accounts: opts.estateAccounts,
          regions: REGIONS,
          clustersPerRegion: opts.estateClusters,
          latencyMs: opts.latencyMs,
          concurrencies: opts.estateConcurrency,
          runs: opts.estateRuns,
          workers: opts.estateWorkers,
        },
        log,
      );
      console.log(renderEstate(estate));
      await mkdir(opts.outDir, { recursive: true });
      const file = path.join(opts.outDir, `estate-${startedAt.replace(/[:.]/g, "-")}.json`);
      await writeFile(file, JSON.stringify({ startedAt, estate }, null, 2) + "\n");
      console.log(`\nJSON: ${file}`);
      return;
    }
    const loadOpts: LoadOptions = {
      clusters: opts.pageSize,
      users: opts.loadUsers,
      loads: opts.loadLoads,
      replicas: opts.loadReplicas,
      bursts: opts.loadBursts,
      postgres: opts.loadPostgres,
    };
    if (opts.load) {
      const ctx = { sandbox, settings, regions: REGIONS, latencyMs: opts.latencyMs, log };
      const load = await measureLoad(ctx, loadOpts);
      console.log(renderLoad(load));
      await mkdir(opts.outDir, { recursive: true });
      const file = path.join(opts.outDir, `load-${startedAt.replace(/[:.]/g, "-")}.json`);
      await writeFile(file, JSON.stringify({ startedAt, load }, null, 2) + "\n");
      console.log(`\nJSON: ${file}`);
      return;
    }
    const peer = opts.skipPeer ? undefined : await findAwsCli();
    const peerSkipped = opts.skipPeer
      ? "--skip-peer"
      : peer
        ? undefined
        : "no AWS CLI found (apt-get install awscli)";
    if (peerSkipped) log(`peer: skipped (${peerSkipped})`);
    const ctx: SizeContext = {
      sandbox,
      settings,
      regions: REGIONS,
      latencyMs: opts.latencyMs,
      runs: opts.runs,
      peer,
      peerSkipped,
      log,
    };

    const sizes: BenchReport["sizes"] = [];
    for (const clusters of opts.sizes) sizes.push((await measureSize(clusters, ctx)).result);

    const pagePart: Pick<BenchReport, "page" | "appMemory" | "firstLoadJs"> = opts.skipPage
      ? {
          page: { skipped: "--skip-page" },
          appMemory: { skipped: "--skip-page" },
          firstLoadJs: { skipped: "--skip-page" },
        }
      : await measurePage(ctx, opts.pageSize, Math.max(...opts.sizes, opts.pageSize));
    const load = opts.skipPage ? { skipped: "--skip-page" } : await measureLoad(ctx, loadOpts);

    const partial: Omit<BenchReport, "verdicts"> = {
      startedAt,
      machine: {
        cpus: os.cpus().length,
        node: process.versions.node,
        platform: `${os.platform()} ${os.release()}`,
      },
      options: { latencyMs: opts.latencyMs, sizes: opts.sizes, runs: opts.runs, regions: REGIONS },
      formula: LOWER_BOUND_FORMULA,
      peerCli: peer,
      sizes,
      ...pagePart,
      load,
    };
    const report: BenchReport = { ...partial, verdicts: judge(partial) };
    console.log(renderReport(report));
    if ("p95Ms" in load) console.log(`\n${renderLoad(load)}`);
    await mkdir(opts.outDir, { recursive: true });
    const file = path.join(opts.outDir, `bench-${startedAt.replace(/[:.]/g, "-")}.json`);
    await writeFile(file, JSON.stringify(report, null, 2) + "\n");
    console.log(`\nJSON: ${file}`);
  } finally {
    await sandbox.stop();
  }
}

let opts: BenchOptions;
try {
  opts = parseBenchOptions(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof BenchUsageError)) throw err;
  console.error(`${err.message}\n\n${USAGE}`);
  process.exit(2);
}
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
main(opts).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
