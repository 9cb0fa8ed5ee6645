/**
 * The estate benchmark: N accounts x 2 regions x M clusters per region, audited the way `npm run audit --
 * --all-accounts` does (organization mode: ListAccounts, one AssumeRole per member, every account-region
 * with a bound on how many are in flight). The lower bound is the slowest account-region's critical path
 * plus one AssumeRole round trip; peak RSS is this process's.
 */
import { listAuditScopes, mapScopeRegions, type AwsSettings } from "@/lib/aws";
import { auditLiveRegion, auditScopes } from "@/lib/audit";
import { readRegionTruth } from "./fleet-shape";
import { lowerBound } from "./lower-bound";
import type { SandboxProcess } from "./sandbox-process";

export interface EstateResult {
  accounts: number;
  regions: number;
  clustersPerRegion: number;
  latencyMs: number;
  concurrency: number;
  /** Audit rows found vs expected (every target of every account-region). */
  rows: number;
  expectedRows: number;
  ms: number;
  lowerBoundMs: number;
  ratio: number;
  peakRssMb: number;
  awsCalls: number;
}

const CONFIG = { organization: { memberRoleName: "OrganizationAccountAccessRole", exclude: [] } };

export async function measureEstate(
  sandbox: SandboxProcess,
  base: AwsSettings,
  opts: {
    accounts: number;
    regions: string[];
    clustersPerRegion: number;
    latencyMs: number;
    concurrencies: number[];
  },
  log: (line: string) => void,
): Promise<EstateResult[]> {
  await sandbox.setLatency(0);
  await sandbox.resetWith({
    clusters: opts.clustersPerRegion * opts.regions.length,
    regions: opts.regions,
    seed: 11,
    accounts: opts.accounts,
  });
  // The truth is read with other base keys, so the timed runs start with cold credentials and clients.
  const truthBase = {
    ...base,
    regions: opts.regions,
    credentials: { accessKeyId: "bench-truth", secretAccessKey: "x" },
  };
  const truthScopes = await listAuditScopes(truthBase, CONFIG);
  const truths = (await mapScopeRegions(truthScopes, 20, (s, region) => readRegionTruth(s, region))).flatMap(
    (r) => (r.ok ? [r.value] : []),
  );
  const expectedRows = truths.reduce((n, t) => n + t.targets, 0);
  const lowerBoundMs = lowerBound(truths, opts.latencyMs).ms + opts.latencyMs;
  await sandbox.setLatency(opts.latencyMs);
  // One untimed pass (its own keys) warms the JIT and the modules, as the fleet sizes' warm-up does; the timed
  // runs still start with cold credentials and clients, so each pays its AssumeRole round trips.
  const warm = { ...truthBase, credentials: { accessKeyId: "bench-warm", secretAccessKey: "x" } };
  await mapScopeRegions(await listAuditScopes(warm, CONFIG), 20, (s, region) => auditLiveRegion(s, region));

  const results: EstateResult[] = [];
  for (const [i, concurrency] of opts.concurrencies.entries()) {
    // Fresh base keys per run: no credential or client cache carries over from the previous run.
    const settings = {
      ...base,
      regions: opts.regions,
      credentials: { accessKeyId: `bench-estate-${i}`, secretAccessKey: "x" },
    };
    await sandbox.resetCalls();
    const started = performance.now();
    const scopes = await listAuditScopes(settings, CONFIG);
    // The audit the CLI and the scheduled audit run (lib/audit), so the figure is the product's.
    const accounts = await auditScopes(scopes, concurrency, auditLiveRegion);
    const ms = performance.now() - started;
    const regionAudits = accounts.flatMap((a) => a.regions);
    const failed = accounts.filter((a) => a.problem).length + regionAudits.filter((r) => r.failed).length;
    if (failed > 0) throw new Error(`the estate audit failed in ${failed} account(s) or account-region(s)`);
    const rows = regionAudits.reduce((n, r) => n + r.clusters.length, 0);
    const awsCalls = Object.values(await sandbox.calls()).reduce((n, c) => n + c, 0);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const result = {
      accounts: opts.accounts,
      regions: opts.regions.length,
      clustersPerRegion: opts.clustersPerRegion,
      latencyMs: opts.latencyMs,
      concurrency,
      rows,
      expectedRows,
      ms: Math.round(ms),
      lowerBoundMs,
      ratio: Math.round((ms / lowerBoundMs) * 100) / 100,
      peakRssMb,
      awsCalls,
    };
    log(
      `estate: concurrency ${concurrency}: ${result.ms} ms (bound ${lowerBoundMs} ms, x${result.ratio}), ${rows}/${expectedRows} rows, ${awsCalls} calls, peak RSS ${peakRssMb} MB`,
    );
    results.push(result);
  }
  return results;
}

export function renderEstate(results: EstateResult[]): string {
  const head =
    "| accounts x regions x clusters | latency | concurrency | audit | lower bound | ratio | rows | AWS calls | peak RSS |";
  const rule = "|---|---|---|---|---|---|---|---|---|";
  const lines = results.map(
    (r) =>
      `| ${r.accounts} x ${r.regions} x ${r.clustersPerRegion} | ${r.latencyMs} ms | ${r.concurrency} | ${r.ms} ms | ${r.lowerBoundMs} ms | ${r.ratio} (target <= 1.5) | ${r.rows}/${r.expectedRows} | ${r.awsCalls} | ${r.peakRssMb} MB |`,
  );
  return [head, rule, ...lines].join("\n");
}
