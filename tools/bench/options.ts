import { parseArgs } from "node:util";

/** What one `npm run bench` run measures, from its command line. */
export interface BenchOptions {
  /** Per-call latency the sandbox adds to every AWS request (ms). */
  latencyMs: number;
  /** Fleet sizes (total clusters over both regions), in the order they are run. */
  sizes: number[];
  /** Timed audit runs per size; the median is reported. */
  runs: number;
  /** Skip the AWS CLI peer script. */
  skipPeer: boolean;
  /** Skip the production-server page timing, first-load JS and app memory. */
  skipPage: boolean;
  /** Fleet size at which the status page is timed (the issue asks for 1,000). */
  pageSize: number;
  /** Folder the JSON result is written to. */
  outDir: string;
  /** Run only the estate benchmark (accounts x regions x clusters), not the fleet sizes. */
  estate: boolean;
  /** Accounts of the estate (the management account included). */
  estateAccounts: number;
  /** Clusters per account-region of the estate. */
  estateClusters: number;
  /** Account-regions in flight at once, `estateRuns` timed runs each. */
  estateConcurrency: number[];
  /** Run only the status page under load (users x loads at `pageSize` clusters), not the fleet sizes. */
  load: boolean;
  /** Signed-in users loading the status page at once. */
  loadUsers: number;
  /** Page loads in all, shared among the users. */
  loadLoads: number;
  /** App servers the users are spread over (several share a PostgreSQL server). */
  loadReplicas: number;
  /** Timed bursts of `loadLoads` loads, one after another (memory is read after each). */
  loadBursts: number;
  /** A PostgreSQL server even for one replica (its pool under load), instead of the embedded database. */
  loadPostgres: boolean;
  /** Timed estate runs per concurrency level; the median is reported. */
  estateRuns: number;
  /** Worker threads the estate audit is spread over, as the app runs it; 0: on the benchmark's own thread. */
  estateWorkers: number;
  help: boolean;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  latencyMs: 40,
  sizes: [10, 100, 1000, 3000],
  runs: 5,
  skipPeer: false,
  skipPage: false,
  pageSize: 1000,
  outDir: "bench-results",
  estate: false,
  estateAccounts: 10,
  estateClusters: 300,
  estateConcurrency: [20, 8],
  load: false,
  loadUsers: 20,
  loadLoads: 60,
  loadReplicas: 1,
  loadBursts: 1,
  loadPostgres: false,
  estateRuns: 1,
  estateWorkers: 0,
  help: false,
};

export const USAGE = `Usage: npm run bench -- [options]
  --latency-ms N     per-call latency of the sandbox in ms (default 40)
  --sizes A,B,...    fleet sizes in clusters, spread over 2 regions (default 10,100,1000,3000)
  --runs N           timed audit runs per size, median reported (default 5)
  --page-size N      fleet size for the status page timing (default 1000)
  --skip-peer        do not run the AWS CLI peer script
  --skip-page        do not build/start the app (page time, first-load JS, app memory)
  --out DIR          folder for the JSON result (default bench-results/)
  --estate           only the estate: an organization of accounts x 2 regions (organization mode, AssumeRole)
  --estate-accounts N        accounts of the estate (default 10)
  --estate-clusters N        clusters per account-region (default 300)
  --estate-concurrency A,B   account-regions in flight (default 20,8)
  --estate-runs N            timed runs per concurrency, median reported (default 1)
  --estate-workers N         spread the audit over N worker threads, as the app does (default 0: this thread)
  --load             only the status page under load: users x loads at --page-size clusters
  --load-users N     signed-in users loading at once (default 20)
  --load-loads N     page loads per burst, shared by the users (default 60)
  --load-replicas N  app servers the users are spread over; 2+ share a PostgreSQL server (default 1)
  --load-bursts N    timed bursts one after another, RSS read after each (default 1)
  --load-postgres    PostgreSQL even for one replica (default: the embedded database)
  --help             this text`;

/** A command-line mistake, reported with the usage text and exit code 2. */
export class BenchUsageError extends Error {}

/** Parses `process.argv.slice(2)`; throws BenchUsageError with a precise message on bad input. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        "latency-ms": { type: "string" },
        sizes: { type: "string" },
        runs: { type: "string" },
        "page-size": { type: "string" },
        "skip-peer": { type: "boolean" },
        "skip-page": { type: "boolean" },
        out: { type: "string" },
        estate: { type: "boolean" },
        "estate-accounts": { type: "string" },
        "estate-clusters": { type: "string" },
        "estate-concurrency": { type: "string" },
        load: { type: "boolean" },
        "load-users": { type: "string" },
        "load-loads": { type: "string" },
        "load-replicas": { type: "string" },
        "load-bursts": { type: "string" },
        "load-postgres": { type: "boolean" },
        "estate-runs": { type: "string" },
        "estate-workers": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    throw new BenchUsageError((err as Error).message);
  }
  const v = parsed.values;
  return {
    latencyMs:
      v["latency-ms"] === undefined
        ? DEFAULT_OPTIONS.latencyMs
        : wholeNumber("--latency-ms", v["latency-ms"], 0, 10_000),
    sizes: v.sizes === undefined ? DEFAULT_OPTIONS.sizes : parseSizes(v.sizes),
    runs: v.runs === undefined ? DEFAULT_OPTIONS.runs : wholeNumber("--runs", v.runs, 1, 100),
    pageSize:
      v["page-size"] === undefined
        ? DEFAULT_OPTIONS.pageSize
        : wholeNumber("--page-size", v["page-size"], 1, 20_000),
    skipPeer: v["skip-peer"] ?? false,
    skipPage: v["skip-page"] ?? false,
    outDir: v.out === undefined ? DEFAULT_OPTIONS.outDir : nonEmptyPath(v.out),
    estate: v.estate ?? false,
    estateAccounts:
      v["estate-accounts"] === undefined
        ? DEFAULT_OPTIONS.estateAccounts
        : wholeNumber("--estate-accounts", v["estate-accounts"], 2, 50),
    estateClusters:
      v["estate-clusters"] === undefined
        ? DEFAULT_OPTIONS.estateClusters
        : wholeNumber("--estate-clusters", v["estate-clusters"], 1, 5_000),
    estateConcurrency:
      v["estate-concurrency"] === undefined
        ? DEFAULT_OPTIONS.estateConcurrency
        : v["estate-concurrency"].split(",").map((p) => wholeNumber("--estate-concurrency", p.trim(), 1, 64)),
    load: v.load ?? false,
    loadUsers: optionalNumber("--load-users", v["load-users"], DEFAULT_OPTIONS.loadUsers, 1, 200),
    loadLoads: optionalNumber("--load-loads", v["load-loads"], DEFAULT_OPTIONS.loadLoads, 1, 10_000),
    loadReplicas: optionalNumber("--load-replicas", v["load-replicas"], DEFAULT_OPTIONS.loadReplicas, 1, 4),
    loadBursts: optionalNumber("--load-bursts", v["load-bursts"], DEFAULT_OPTIONS.loadBursts, 1, 20),
    loadPostgres: v["load-postgres"] ?? false,
    estateRuns:
      v["estate-runs"] === undefined
        ? DEFAULT_OPTIONS.estateRuns
        : wholeNumber("--estate-runs", v["estate-runs"], 1, 20),
    estateWorkers:
      v["estate-workers"] === undefined
        ? DEFAULT_OPTIONS.estateWorkers
        : wholeNumber("--estate-workers", v["estate-workers"], 0, 16),
    help: v.help ?? false,
  };
}

function optionalNumber(flag: string, raw: string | undefined, fallback: number, min: number, max: number) {
  return raw === undefined ? fallback : wholeNumber(flag, raw, min, max);
}

function parseSizes(raw: string): number[] {
  const parts = raw.split(",").map((s) => s.trim());
  if (parts.some((p) => p === ""))
    throw new BenchUsageError(`--sizes must be a comma-separated list of numbers, not "${raw}"`);
  const sizes = parts.map((p) => wholeNumber("--sizes", p, 1, 20_000));
  return [...new Set(sizes)];
}

function wholeNumber(flag: string, raw: string, min: number, max: number): number {
  const value = Number(raw.replaceAll("_", ""));
  if (!/^\d[\d_]*$/.test(raw.trim()) || !Number.isInteger(value) || value < min || value > max) {
    throw new BenchUsageError(`${flag} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

function nonEmptyPath(raw: string): string {
  if (raw.trim() === "") throw new BenchUsageError("--out needs a folder name");
  return raw;
}
