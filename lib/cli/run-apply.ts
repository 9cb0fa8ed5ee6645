/**
 * `npm run apply` without the process around it: read and check the plan file, confirm, then apply its
 * targets one by one through the app's apply (apply-target.ts), and return the exit code.
 */
import { open } from "node:fs/promises";
import { refOf, type TargetRef } from "@/lib/core/identity/identity";
import { AwsError } from "@/lib/adapters/aws/errors";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { ApplyOptions } from "@/lib/services/apply/types";
import { approvalGate } from "./approval-gate";
import { defaultDatabase, type Db } from "@/lib/adapters/db";
import {
  MAX_PLAN_FILE_BYTES,
  parsePlanFile,
  planSigningKey,
  refusalOf,
  SIGNING_KEY_VARIABLE,
  type PlanFile,
} from "@/lib/core/plan-file";
import { accountProblemLine } from "./account-problem";
import { accountsOf, type Accounts } from "./apply-accounts";
import { checkOwnedWrites } from "@/lib/services/apply/owner-check";
import { openScope } from "@/lib/services/estate/scope-access";
import { ownedWriteLine } from "@/lib/core/plan/owned-writes";
import type { EstateAccount } from "@/lib/services/estate/list-accounts";
import { APPLY_USAGE, parseApplyArgs, type ApplyArgs } from "./apply-args";
import { applyTarget, type TargetOutcome } from "./apply-target";
import { operatorName } from "./operator-name";
import { cliSetup } from "./cli-settings";
import type { CliIo } from "./run-audit";

export const EXIT_ALL_READY = 0;
export const EXIT_NOT_ALL_READY = 1;
export const EXIT_APPLY_ERROR = 2;

export interface ApplyIo extends CliIo {
  /** Whether stdin is a terminal a person can answer on. */
  interactive: boolean;
  ask?: (question: string) => Promise<string>;
}

/** Run timing and database for tests; production uses the database of DATABASE_URL, else the embedded one under QUEUEREADY_DATA_DIR. */
export type ApplyTuning = Pick<ApplyOptions, "pollInitialMs" | "pollMaxMs" | "timeLimitMs" | "db"> & {
  watchEveryMs?: number;
  /** AWS settings made by the caller (tests with explicit sandbox keys) instead of read from `env`. */
  settings?: AwsSettings;
  /** Where `--demo` looks for the running demo (default: the working directory). */
  root?: string;
};

/** At most `limit` + 1 bytes of the file: a larger one is refused without being read whole. */
async function readBounded(file: string, limit: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** The plan file (and its exact text), checked through its signature, or undefined after saying why (no AWS call). */
async function load(
  args: ApplyArgs,
  env: NodeJS.ProcessEnv,
  io: ApplyIo,
): Promise<{ file: PlanFile; text: string } | undefined> {
  const key = planSigningKey(env);
  if (!key.ok) {
    io.err(`${key.reason}\n`);
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = await readBounded(args.file, MAX_PLAN_FILE_BYTES);
  } catch (err) {
    io.err(`Cannot read ${args.file}: ${(err as Error).message}\n`);
    return undefined;
  }
  if (bytes.length > MAX_PLAN_FILE_BYTES) {
    io.err(`The plan file is malformed: it is larger than ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB.\n`);
    return undefined;
  }
  const text = bytes.toString("utf8");
  const read = parsePlanFile(text, { key: key.key, allowUnsigned: args.allowUnsigned });
  if (!read.ok) {
    io.err(`${read.reason}\n`);
    return undefined;
  }
  if (!read.signed)
    io.err(
      `WARNING: applying an UNSIGNED plan file (${SIGNING_KEY_VARIABLE} is not set): nothing proves who made it or that it was not changed.\n`,
    );
  return { file: read.file, text };
}

async function confirmed(file: PlanFile, args: ApplyArgs, io: ApplyIo): Promise<boolean> {
  if (args.yes) return true;
  if (!io.interactive || !io.ask) {
    io.err("stdin is not a terminal: pass --yes to apply without a prompt.\n");
    return false;
  }
  const ids = file.targets.map((t) => t.plan.target.id).join(", ");
  const answer = await io.ask(`Apply the plan to ${ids}? Only "yes" applies: `);
  return answer.trim() === "yes";
}

async function historyDb(given: Db | undefined, io: ApplyIo): Promise<Db | undefined> {
  if (given) return given;
  try {
    return (await defaultDatabase()).db;
  } catch (err) {
    io.err(`Cannot open the database the apply history is kept in: ${(err as Error).message}\n`);
    return undefined;
  }
}

const scopeOf = (r: TargetRef) => `${r.accountId}/${r.region}`;

export async function runApplyCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: ApplyIo,
  tuning: ApplyTuning = {},
): Promise<number> {
  const parsed = parseApplyArgs(argv, env);
  if (!parsed.ok) {
    io.err(`${parsed.message}\n\n${APPLY_USAGE}\n`);
    return EXIT_APPLY_ERROR;
  }
  const { args } = parsed;
  if (args.help) {
    io.out(`${APPLY_USAGE}\n`);
    return EXIT_ALL_READY;
  }
  // Settings first (no AWS call): with --demo the demo's signing key is the one the file is checked with.
  const { settings: given, root, ...runTuning } = tuning;
  const settings = given
    ? { ok: true as const, settings: given, env }
    : cliSetup(args.demo, env, root ?? process.cwd());
  if (!settings.ok) {
    io.err(`${settings.message}\n`);
    return EXIT_APPLY_ERROR;
  }
  env = settings.env;
  const loaded = await load(args, env, io);
  if (!loaded) return EXIT_APPLY_ERROR;
  const { file } = loaded;
  // Age and clock next: a stale file is refused before any AWS call (the account check below needs STS).
  const stale = refusalOf(file, { now: new Date(), maxAgeMs: args.maxAgeMs });
  if (stale) {
    io.err(`${stale}\n`);
    return EXIT_APPLY_ERROR;
  }
  // The two-person rule, before any AWS call: a plan that needs approval applies only as approved.
  const gate = await approvalGate(loaded, operatorName(args.as), env, io, () => historyDb(runTuning.db, io));
  if (!gate.ok) return EXIT_APPLY_ERROR;
  let accounts: Accounts;
  try {
    accounts = await accountsOf(file, settings.settings, env);
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    io.err(`${err.problem.message}\n`);
    return EXIT_APPLY_ERROR;
  }
  if (!accounts.ok) {
    io.err(`${accounts.message}\n`);
    return EXIT_APPLY_ERROR;
  }
  const { byId } = accounts;
  const refusal = refusalOf(file, { now: new Date(), maxAgeMs: args.maxAgeMs, accountId: accounts.caller });
  if (refusal) {
    io.err(`${refusal}\n`);
    return EXIT_APPLY_ERROR;
  }
  if (file.targets.length === 0) {
    io.out("The plan holds no changes: nothing to apply.\n");
    return EXIT_ALL_READY;
  }
  // The runs go to the app's history; open it before asking, so a busy embedded database stops us early.
  const db = await historyDb(runTuning.db, io);
  if (!db) return EXIT_APPLY_ERROR;
  if (!(await confirmed(file, args, io))) return EXIT_APPLY_ERROR;
  // Nothing is written before every target's owner is known: a refused owner stops the whole file.
  if (!(await ownersAllow(file, byId, args, io))) return EXIT_APPLY_ERROR;

  const user = { name: operatorName(args.as), role: "operator" };
  const options: ApplyOptions = { settings: settings.settings, ...runTuning, db, trail: gate.trail };
  const attempted: TargetRef[] = [];
  const results: { id: string; outcome: TargetOutcome | undefined }[] = [];
  for (const { plan } of file.targets) {
    const t = plan.target;
    if (results.some((r) => r.outcome?.status === "refused") && args.stopOnRefusal) {
      results.push({ id: t.id, outcome: undefined });
      continue;
    }
    io.out(`\n${t.kind} ${t.id} (${t.accountId}, ${t.region}): ${plan.summaryLine}\n`);
    const account = byId.get(t.accountId);
    if (!account?.apply) {
      // The reader refuses a target outside the file's accounts; this keeps a gap from crashing mid-apply.
      const reasons = [
        account ? `Account ${accountProblemLine(account)}` : `Account ${t.accountId} was not resolved.`,
      ];
      io.out(`  REFUSED, nothing was applied to ${t.id}:\n${reasons.map((r) => `    - ${r}\n`).join("")}`);
      results.push({ id: t.id, outcome: { status: "refused", reasons } });
      continue;
    }
    const applied = new Set(attempted.filter((a) => scopeOf(a) === scopeOf(t)).map((a) => a.id));
    const outcome = await applyTarget({ ...options, settings: account.apply }, plan, {
      user,
      applied,
      io,
      watchEveryMs: tuning.watchEveryMs,
      // The history and the alerts say who changed an owned resource outside its owner, and why.
      overrideReason: args.overrideOwner,
    });
    attempted.push(refOf(t));
    if (outcome.status === "refused")
      io.out(
        `  REFUSED, nothing was applied to ${t.id}:\n${outcome.reasons.map((r) => `    - ${r}\n`).join("")}`,
      );
    results.push({ id: t.id, outcome });
  }
  return summarize(results, io);
}

/**
 * Refuses (false) when a step would change a resource a CloudFormation stack or a Terraform state owns,
 * naming each, unless `--override-owner REASON` was given (then says so and goes on). An owner that cannot
 * be told is said, not refused. (startApply checks each target again from its own re-read, and records the
 * reason on the run.)
 */
async function ownersAllow(
  file: PlanFile,
  byId: ReadonlyMap<string, EstateAccount>,
  args: ApplyArgs,
  io: ApplyIo,
): Promise<boolean> {
  const lines: string[] = [];
  for (const { plan } of file.targets) {
    const t = plan.target;
    const settings = byId.get(t.accountId)?.apply;
    if (!settings) continue; // refused per target later, with its account's problem
    let check;
    try {
      check = await checkOwnedWrites(await openScope(settings, t.region), plan);
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      io.err(`Owner of ${t.id} unknown: ${err.problem.message}\n`);
      continue;
    }
    for (const u of check.unknown) io.err(`${t.id}: ${u}\n`);
    lines.push(...check.owned.map((w) => `${t.id}: ${ownedWriteLine(w)}`));
  }
  if (lines.length === 0) return true;
  if (args.overrideOwner) {
    io.out(
      `Applying despite owners (--override-owner "${args.overrideOwner}"):\n${lines.map((l) => `  - ${l}\n`).join("")}`,
    );
    return true;
  }
  io.err(
    `REFUSED, nothing was applied: the plan changes resources another tool owns.\n${lines
      .map((l) => `  - ${l}\n`)
      .join("")}Change them through their owner, or pass --override-owner "REASON" to apply anyway.\n`,
  );
  return false;
}

function summarize(results: { id: string; outcome: TargetOutcome | undefined }[], io: ApplyIo): number {
  const verdict = (o: TargetOutcome | undefined): string =>
    !o
      ? "not attempted (--stop-on-refusal)"
      : o.status === "refused"
        ? "refused"
        : o.run.status !== "succeeded"
          ? `${o.run.status} (run ${o.run.id})`
          : `${o.run.readiness?.verdict ?? "not audited"} (run ${o.run.id})`;
  const ready = (o: TargetOutcome | undefined) =>
    o?.status === "applied" && o.run.status === "succeeded" && o.run.readiness?.verdict === "ready";
  io.out(`\nApply finished: ${results.filter((r) => ready(r.outcome)).length} of ${results.length} Ready.\n`);
  for (const r of results) io.out(`  ${ready(r.outcome) ? "✓" : "✗"} ${r.id}: ${verdict(r.outcome)}\n`);
  return results.every((r) => ready(r.outcome)) ? EXIT_ALL_READY : EXIT_NOT_ALL_READY;
}
