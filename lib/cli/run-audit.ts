/**
 * The audit command, without the process around it: parse, read settings exactly as the app does, audit the
 * regions, filter to the targeted clusters, print, and return the exit code. Kept apart from the entry file
 * so tests can run it in-process with their own output sinks.
 */
import { readAwsSettings, type AwsSettingsResult } from "@/lib/aws";
import { DEMO_CREDENTIALS, readDemoEndpoint } from "@/lib/launch/demo-endpoint";
import { auditRegions } from "@/lib/audit";
import { exportCsv, exportJson, type RegionAudit } from "@/lib/readiness";
import { AUDIT_USAGE, parseAuditArgs } from "./audit-args";
import { renderAuditTable } from "./audit-table";

export const EXIT_READY = 0;
export const EXIT_NOT_READY = 1;
export const EXIT_FAILED = 2;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Keeps only the named clusters; returns the names found nowhere. */
function target(audits: RegionAudit[], names: string[]): { audits: RegionAudit[]; missing: string[] } {
  if (names.length === 0) return { audits, missing: [] };
  const wanted = new Set(names);
  const filtered = audits.map((a) => ({ ...a, clusters: a.clusters.filter((c) => wanted.has(c.name)) }));
  const found = new Set(filtered.flatMap((a) => a.clusters.map((c) => c.name)));
  return { audits: filtered, missing: names.filter((n) => !found.has(n)) };
}

/**
 * The AWS settings to audit with: the environment's, or with --demo the running demo's sandbox (its URL from
 * the file the demo writes, dummy keys) so nothing has to be copied from the demo's banner.
 */
function settingsFor(demo: boolean, env: NodeJS.ProcessEnv, root: string): AwsSettingsResult {
  if (!demo) return readAwsSettings(env);
  const found = readDemoEndpoint(root);
  if (!found.ok)
    return { ok: false, problem: { code: "invalid-input", message: found.message, retryable: false } };
  const { url, regions } = found.endpoint;
  const read = readAwsSettings({
    QUEUEREADY_AWS_ENDPOINT: url,
    QUEUEREADY_REGIONS: regions.join(","),
    QUEUEREADY_MAX_ATTEMPTS: env.QUEUEREADY_MAX_ATTEMPTS,
  });
  return read.ok ? { ok: true, settings: { ...read.settings, credentials: DEMO_CREDENTIALS } } : read;
}

export async function runAuditCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  root: string = process.cwd(),
): Promise<number> {
  const parsed = parseAuditArgs(argv);
  if (!parsed.ok) {
    io.err(`${parsed.message}\n\n${AUDIT_USAGE}\n`);
    return EXIT_FAILED;
  }
  const { args } = parsed;
  if (args.help) {
    io.out(`${AUDIT_USAGE}\n`);
    return EXIT_READY;
  }
  const read = settingsFor(args.demo, env, root);
  if (!read.ok) {
    io.err(`${read.problem.message}\n`);
    return EXIT_FAILED;
  }
  const { settings } = read;
  const regions = args.regions.length > 0 ? args.regions : settings.regions;
  const all = await auditRegions(settings, regions);
  const failed = all.filter((a) => a.failed);
  for (const a of failed) io.err(`Could not audit ${a.region}: ${a.failed!.message}\n`);
  if (failed.length > 0) return EXIT_FAILED;

  const { audits, missing } = target(all, args.clusters);
  if (missing.length > 0) {
    io.err(
      `Not found in ${regions.join(", ")}: ${missing.join(", ")}. Check the name (replication group id, cluster id or serverless cache name) and --region.\n`,
    );
    return EXIT_FAILED;
  }
  io.out(
    args.format === "json"
      ? exportJson(audits)
      : args.format === "csv"
        ? exportCsv(audits)
        : renderAuditTable(audits),
  );

  // Memcached is not a BullMQ target: it only counts against readiness when asked for by name.
  const gated = audits
    .flatMap((a) => a.clusters)
    .filter((c) => args.clusters.length > 0 || c.verdict !== "not-applicable");
  return gated.every((c) => c.verdict === "ready") ? EXIT_READY : EXIT_NOT_READY;
}
