/**
 * `npm run sandbox`: starts the sandbox in the foreground and prints how to point clients at it.
 * Flags: --port N (or SANDBOX_PORT, default 4566), --latency-ms N, --apply-delay-ms N,
 * --persist FILE, --fleet N [--fleet-seed N], --engines (or SANDBOX_ENGINES=1: real redis-server engines).
 */
import { enginesRequested } from "./engines";
import { startSandbox, type SandboxOptions } from "./index";

function parseArgs(argv: string[]): SandboxOptions {
  const opts: SandboxOptions = {
    port: Number(process.env.SANDBOX_PORT ?? 4566),
    engines: enginesRequested(process.env),
  };
  let fleetSeed: number | undefined;
  const number = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < 0)
      throw new Error(`${flag} needs a non-negative integer.`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    switch (flag) {
      case "--port":
        opts.port = number(flag, value);
        i++;
        break;
      case "--latency-ms":
        opts.latencyMs = number(flag, value);
        i++;
        break;
      case "--apply-delay-ms":
        opts.applyDelayMs = number(flag, value);
        i++;
        break;
      case "--persist":
        if (!value) throw new Error("--persist needs a file.");
        opts.persistFile = value;
        i++;
        break;
      case "--fleet":
        opts.seed = { clusters: number(flag, value) };
        i++;
        break;
      case "--engines":
        opts.engines = true;
        break;
      case "--fleet-seed":
        fleetSeed = number(flag, value);
        i++;
        break;
      default:
        throw new Error(
          `Unknown flag ${flag}. Flags: --port, --latency-ms, --apply-delay-ms, --persist FILE, --fleet N, --fleet-seed N, --engines.`,
        );
    }
  }
  if (fleetSeed !== undefined && typeof opts.seed === "object") opts.seed.seed = fleetSeed;
  if (!Number.isInteger(opts.port) || opts.port! < 0 || opts.port! > 65535)
    throw new Error("SANDBOX_PORT must be a port number.");
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const sandbox = await startSandbox({ ...opts, log: (line) => console.log(line) });
  console.log(`
QueueReady sandbox (ElastiCache + EC2) at ${sandbox.url}
Regions: ${sandbox.control.regions().join(", ")}

Point a client at it:
  export AWS_ENDPOINT_URL=${sandbox.url}
  export AWS_ACCESS_KEY_ID=AKIDSANDBOX AWS_SECRET_ACCESS_KEY=sandbox-secret AWS_REGION=us-east-1
  aws --endpoint-url ${sandbox.url} --region us-east-1 elasticache describe-replication-groups

Control API: ${sandbox.url}/_sandbox/health  (reset, config, faults, calls, engines). Ctrl-C stops.`);
  const engines = await sandbox.control.engines();
  if (engines.length > 0)
    console.log(
      `Engines: ${engines.length} redis-server processes, listed at ${sandbox.url}/_sandbox/engines`,
    );
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
