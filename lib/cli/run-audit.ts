/**
 * The audit command, without the process around it: parse, read settings exactly as the app does, audit the
 * regions, filter to the targeted clusters, print, and return the exit code. Kept apart from the entry file
 * so tests can run it in-process with their own output sinks.
 */
import type { RegionAudit } from "@/lib/core/readiness";
import { auditAccounts, type AccountAudit } from "./accounts-audit";
import { accountsCsv, accountsJson, renderAccountsTable, unknownLines } from "./accounts-render";
import { AUDIT_USAGE, parseAuditArgs, type AuditArgs } from "./audit-args";
import { renderAuditTable } from "./audit-table";
import { cliSetup } from "./cli-settings";
import { coverageText } from "./coverage";

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
  const setup = cliSetup(args.demo, env, root);
  if (!setup.ok) {
    io.err(`${setup.message}\n`);
    return EXIT_FAILED;
  }
  const { settings } = setup;
  // What the app covers: every account of the accounts file (the demo's with --demo), in its regions.
  if (args.allAccounts || args.accounts.length > 0 || setup.env.QUEUEREADY_ACCOUNTS_FILE?.trim())
    return runAccountsAudit(settings, setup.env, args, io);
  // Without --account / --all-accounts: the estate of one, the credentials' own account.
  const regions = args.regions.length > 0 ? args.regions : settings.regions;
  const own = await auditAccounts(settings, env, { ...args, regions: [...new Set(regions)] });
  if (!own.ok) {
    io.err(`${own.message}\n`);
    return EXIT_FAILED;
  }
  const [account] = own.accounts;
  if (!account) {
    io.err("The credentials name no account.\n");
    return EXIT_FAILED;
  }
  if (account.problem) {
    // Not even who the credentials are: no region can be read.
    for (const region of new Set(regions)) io.err(`Could not audit ${region}: ${account.problem.message}\n`);
    return EXIT_FAILED;
  }
  const all = account.regions;
  io.err(coverageText("Audited", [covered(account)]));
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
      ? accountsJson([{ ...account, regions: audits }])
      : args.format === "csv"
        ? accountsCsv([{ ...account, regions: audits }])
        : renderAuditTable(audits),
  );

  // Memcached is not a BullMQ target: it only counts against readiness when asked for by name.
  const gated = audits
    .flatMap((a) => a.clusters)
    .filter((c) => args.clusters.length > 0 || c.verdict !== "not-applicable");
  return gated.every((c) => c.verdict === "ready") ? EXIT_READY : EXIT_NOT_READY;
}

function covered(a: AccountAudit) {
  return {
    accountId: a.accountId,
    name: a.accountName,
    regions: a.regions.filter((r) => !r.failed).map((r) => r.region),
    problem: a.problem?.message,
    failed: a.regions.flatMap((r) => (r.failed ? [{ region: r.region, reason: r.failed.message }] : [])),
  };
}

/** Keeps only the named clusters in every account; returns the names found nowhere. */
function targetAccounts(
  accounts: AccountAudit[],
  names: string[],
): { accounts: AccountAudit[]; missing: string[] } {
  const picked = accounts.map((a) => ({ ...a, regions: target(a.regions, names).audits }));
  const found = new Set(picked.flatMap((a) => a.regions.flatMap((r) => r.clusters.map((c) => c.name))));
  return { accounts: picked, missing: names.filter((n) => !found.has(n)) };
}

async function runAccountsAudit(
  settings: Parameters<typeof auditAccounts>[0],
  env: NodeJS.ProcessEnv,
  args: AuditArgs,
  io: CliIo,
): Promise<number> {
  const result = await auditAccounts(settings, env, args);
  if (!result.ok) {
    io.err(`${result.message}\n`);
    return EXIT_FAILED;
  }
  io.err(coverageText("Audited", result.accounts.map(covered)));
  const unknown = result.accounts.flatMap(unknownLines);
  for (const line of unknown) io.err(`${line}\n`);
  const readable = result.accounts.some((a) => !a.problem && a.regions.some((r) => !r.failed));
  if (!readable) return EXIT_FAILED;
  const { accounts, missing } = targetAccounts(result.accounts, args.clusters);
  if (missing.length > 0) {
    io.err(`Not found in any account: ${missing.join(", ")}. Check the name and --account / --region.\n`);
    return EXIT_FAILED;
  }
  io.out(
    args.format === "json"
      ? accountsJson(accounts)
      : args.format === "csv"
        ? accountsCsv(accounts)
        : renderAccountsTable(accounts),
  );
  const gated = accounts
    .flatMap((a) => a.regions.flatMap((r) => r.clusters))
    .filter((c) => args.clusters.length > 0 || c.verdict !== "not-applicable");
  return unknown.length === 0 && gated.every((c) => c.verdict === "ready") ? EXIT_READY : EXIT_NOT_READY;
}
