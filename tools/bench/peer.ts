import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const SCRIPT = path.join(__dirname, "peer-audit.sh");

/** An AWS CLI found on this machine, and whether it knows every read the audit makes. */
export interface PeerCli {
  path: string;
  version: string;
  /** Debian 12's awscli 2.9 predates ElastiCache Serverless: it cannot run describe-serverless-caches. */
  serverless: boolean;
}

/** What the peer script read in one region (its own count, to check it read the same fleet). */
export interface PeerRegionCount {
  region: string;
  rg: number;
  cc: number;
  sl: number;
  pg: number;
  params: number;
  sg: number;
}

export interface PeerResult {
  ms: number;
  regions: PeerRegionCount[];
}

/**
 * Looks for the Debian awscli (/usr/bin/aws) and any `aws` on PATH. Prefers one that can make every read
 * (serverless included), Debian's first; undefined when there is no AWS CLI at all.
 */
export async function findAwsCli(): Promise<PeerCli | undefined> {
  const candidates = ["/usr/bin/aws", ...(await onPath("aws"))].filter(
    (p, i, all) => existsSync(p) && all.indexOf(p) === i,
  );
  const found: PeerCli[] = [];
  for (const candidate of candidates) {
    const version = await run(candidate, ["--version"], { timeout: 30_000 }).then(
      (r) => (r.stdout || r.stderr).trim().split(" ")[0] ?? "aws",
      () => undefined,
    );
    if (!version) continue;
    const serverless = await run(
      candidate,
      ["elasticache", "describe-serverless-caches", "--generate-cli-skeleton"],
      {
        timeout: 30_000,
      },
    ).then(
      () => true,
      () => false,
    );
    found.push({ path: candidate, version, serverless });
  }
  return found.find((c) => c.serverless) ?? found[0];
}

async function onPath(bin: string): Promise<string[]> {
  try {
    const { stdout } = await run("bash", ["-c", `type -ap ${bin}`]);
    return stdout.split("\n").filter((l) => l.trim() !== "");
  } catch {
    return [];
  }
}

/** Runs the peer script once against the sandbox and times it end to end (process start-ups included). */
export async function runPeer(cli: PeerCli, endpoint: string, regions: string[]): Promise<PeerResult> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), "queueready-peer-"));
  try {
    const env = {
      ...process.env,
      AWS_CLI: cli.path,
      ENDPOINT: endpoint,
      OUT_DIR: outDir,
      SKIP_SERVERLESS: cli.serverless ? "0" : "1",
      // A profile or config file on the machine must not redirect or slow the peer.
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
      AWS_ACCESS_KEY_ID: "bench",
      AWS_SECRET_ACCESS_KEY: "bench",
    };
    const started = performance.now();
    const { stdout } = await run("bash", [SCRIPT, ...regions], {
      env,
      timeout: 20 * 60_000,
      maxBuffer: 1 << 20,
    });
    const ms = performance.now() - started;
    return {
      ms,
      regions: stdout
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map(parsePeerLine),
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** Parses `us-east-1 rg=3 cc=7 sl=1 pg=2 params=240 sg=2`. */
export function parsePeerLine(line: string): PeerRegionCount {
  const [region, ...pairs] = line.trim().split(/\s+/);
  const n = Object.fromEntries(pairs.map((p) => p.split("=")).map(([k, v]) => [k, Number(v)]));
  const keys = ["rg", "cc", "sl", "pg", "params", "sg"] as const;
  if (!region || keys.some((k) => !Number.isInteger(n[k])))
    throw new Error(`peer script printed an unexpected line: "${line}"`);
  return { region, rg: n.rg, cc: n.cc, sl: n.sl, pg: n.pg, params: n.params, sg: n.sg };
}
