/**
 * `npm run plan` without the process around it (tests run it in-process): parse, read the AWS settings as
 * the app does, plan the fleet, print the summary or the plan file, write `--out`, return the exit code.
 */
import { writeFile } from "node:fs/promises";
import { AwsError } from "@/lib/adapters/aws/errors";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { OWN_CREDENTIALS, resolveEstate } from "@/lib/services/estate/estate";
import {
  buildPlanFile,
  parsePlanFile,
  planSigningKey,
  serializePlanFile,
  SIGNING_KEY_VARIABLE,
  ALLOW_UNSIGNED_FLAG,
  type PlanFile,
} from "@/lib/core/plan-file";
import type { CliIo } from "./run-audit";
import { operatorName } from "./operator-name";
import { PLAN_USAGE, parsePlanArgs, type PlanArgs } from "./plan-args";
import { accountProblemLine } from "./account-problem";
import { planAccounts, type PlanAccount } from "./plan-fleet";
import { alarmChoiceOf } from "./plan-choices";
import { renderFleet, savedLine } from "./plan-summary";
import { cliSetup } from "./cli-settings";
import { coverageText } from "./coverage";
import { defaultDatabase, type Db } from "@/lib/adapters/db";
import { approvalPath, submitPlan } from "@/lib/services/approvals/submit";
import { writeFixAsCode } from "./plan-iac";

export const EXIT_NO_CHANGES = 0;
export const EXIT_CHANGES = 1;
export const EXIT_ERROR = 2;

/** `opts.settings`: AWS settings made by the caller (tests with explicit sandbox keys) instead of read from `env`. */
export async function runPlanCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  opts: { settings?: AwsSettings; root?: string; db?: Db } = {},
): Promise<number> {
  const parsed = parsePlanArgs(argv);
  if (!parsed.ok) {
    io.err(`${parsed.message}\n\n${PLAN_USAGE}\n`);
    return EXIT_ERROR;
  }
  const { args } = parsed;
  if (args.help) {
    io.out(`${PLAN_USAGE}\n`);
    return EXIT_NO_CHANGES;
  }
  const setup = opts.settings
    ? { ok: true as const, settings: opts.settings, env }
    : cliSetup(args.demo, env, opts.root ?? process.cwd());
  if (!setup.ok) {
    io.err(`${setup.message}\n`);
    return EXIT_ERROR;
  }
  const { settings } = setup;
  env = setup.env;
  // A weak key stops the plan before any AWS call: a file signed with it would prove nothing. (With
  // --demo the demo's own key counts, so the demo's app verifies what this signs.)
  const signing = planSigningKey(env);
  if (!signing.ok) {
    io.err(`${signing.reason}\n`);
    return EXIT_ERROR;
  }
  // What the app covers unless told otherwise: the accounts file's accounts (else the credentials' own),
  // each in its regions; --region narrows the regions, --account the accounts.
  const explicit = args.allAccounts || args.accounts.length > 0;
  const several = explicit || Boolean(env.QUEUEREADY_ACCOUNTS_FILE?.trim());
  const chosen = await resolveEstate(
    { settings, env, mode: explicit ? "all" : "configured" },
    { accounts: args.accounts },
  );
  if (!chosen.ok) {
    io.err(`${chosen.message}\n`);
    return EXIT_ERROR;
  }
  // The regions of an account: --region, else every one it is audited in.
  const regionsOf = (regions: string[]) => (args.regions.length > 0 ? args.regions : regions);
  const own = chosen.accounts[0];
  if (!several && own?.problem) {
    io.err(`${own.problem.message}\n`);
    return EXIT_ERROR;
  }
  for (const a of chosen.accounts) if (!a.read) io.err(`Could not plan account ${accountProblemLine(a)}\n`);
  // Who each account's changes run as, for the file (as the app's preview names it).
  const applyRoles = new Map(chosen.accounts.map((a) => [a.accountId, a.applyRole]));
  const accounts: PlanAccount[] = chosen.accounts.flatMap((a) =>
    a.read
      ? [
          {
            settings: a.read,
            regions: regionsOf(a.regions),
            label: several ? `${a.accountId} (${a.name})` : undefined,
            accountId: a.accountId,
          },
        ]
      : [],
  );
  if (accounts.length === 0) {
    io.err("No account could be planned.\n");
    return EXIT_ERROR;
  }
  const regions = [...new Set(accounts.flatMap((s) => s.regions))];
  let fleet;
  try {
    fleet = await planAccounts(accounts, {
      clusters: args.clusters,
      all: args.all,
      flags: args.flags,
      alarm: alarmChoiceOf(args.alarm),
    });
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    io.err(`${err.problem.message}\n`);
    return EXIT_ERROR;
  }
  for (const problem of fleet.unreadable) io.err(`Could not list the clusters of ${problem}\n`);
  io.err(
    coverageText(
      "Planned in",
      chosen.accounts.map((a) => {
        const failed = fleet.failedScopes.filter((f) => f.accountId === a.accountId);
        return {
          accountId: a.accountId,
          name: a.name,
          regions: a.read ? regionsOf(a.regions).filter((r) => !failed.some((f) => f.region === r)) : [],
          problem: a.read ? undefined : (a.problem?.message ?? "the account cannot be read."),
          failed,
        };
      }),
    ),
  );
  if (fleet.missing.length > 0) {
    io.err(
      `Not found in ${regions.join(", ")}: ${fleet.missing.join(", ")}. Check the id (replication group or cluster) and --region.\n`,
    );
  }
  if (args.format) {
    const failed = fleet.unreadable.length + fleet.missing.length + fleet.invalid.length > 0;
    // The summary goes to stderr when the code itself is printed, so stdout stays a file.
    if (args.out) io.out(renderFleet(fleet));
    else io.err(renderFleet(fleet));
    if (failed) return EXIT_ERROR;
    if (fleet.planned.length > 1) {
      io.err(
        `${args.clusters[0]} is in ${fleet.planned.length} places: choose one with --account and --region.\n`,
      );
      return EXIT_ERROR;
    }
    const plan = fleet.planned[0];
    if (!plan) return EXIT_NO_CHANGES;
    const account = accounts.find((a) => a.accountId === plan.target.accountId)!;
    try {
      await writeFixAsCode(plan, account.settings, args.format, args.out, io);
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      io.err(`${err.problem.message}\n`);
      return EXIT_ERROR;
    }
    return EXIT_CHANGES;
  }
  const file = buildPlanFile({
    plans: fleet.planned,
    notPlanned: fleet.notPlanned,
    createdBy: { name: operatorName(args.as), via: "cli" },
    runsAs: (plan) => applyRoles.get(plan.target.accountId) ?? OWN_CREDENTIALS,
    regions,
    signingKey: signing.key,
  });
  const text = serializePlanFile(file);
  // What apply would refuse (too many targets, too large) is said now, not at merge time.
  const check = parsePlanFile(text, { key: signing.key, allowUnsigned: true });
  if (!check.ok) {
    io.err(`${check.reason}\n`);
    return EXIT_ERROR;
  }
  if (!signing.key && (args.out || args.json))
    io.err(
      `The plan file is not signed (${SIGNING_KEY_VARIABLE} is not set): \`npm run apply\` refuses it unless given ${ALLOW_UNSIGNED_FLAG}.\n`,
    );
  if (args.json) io.out(text);
  else io.out(renderFleet(fleet));
  const failed = fleet.unreadable.length + fleet.missing.length + fleet.invalid.length > 0;
  if (failed) return EXIT_ERROR;
  if (args.out) {
    await writeFile(args.out, text, { mode: 0o644 });
    if (!args.json) io.out(savedLine(args.out, fleet.planned.length));
  }
  if (args.submit && !(await submitted(text, check.ok ? check.file : undefined, args, env, io, opts.db)))
    return EXIT_ERROR;
  return fleet.planned.length > 0 ? EXIT_CHANGES : EXIT_NO_CHANGES;
}

/**
 * `--submit`: the plan file, byte for byte as written, stored for approval in the app's database (the
 * embedded one is reached through the running app's share socket, like apply's history); prints its page.
 */
async function submitted(
  text: string,
  file: PlanFile | undefined,
  args: PlanArgs,
  env: NodeJS.ProcessEnv,
  io: CliIo,
  given: Db | undefined,
): Promise<boolean> {
  if (!file || file.targets.length === 0) {
    io.err("The plan holds no changes: nothing to submit for approval.\n");
    return false;
  }
  let db: Db;
  try {
    db = given ?? (await defaultDatabase()).db;
  } catch (err) {
    io.err(`Cannot open the app's database to submit the plan: ${(err as Error).message}\n`);
    return false;
  }
  const { approval, created } = await submitPlan(db, {
    file,
    text,
    changeRef: args.changeRef,
    user: { name: operatorName(args.as), role: "operator" },
  });
  const page = approvalPath(approval.id);
  const base = env.NEXTAUTH_URL?.trim().replace(/\/+$/, "");
  io.out(
    `${created ? "Submitted for approval" : `Already submitted (${approval.status})`}: ${base ? `${base}${page}` : page}\n`,
  );
  io.out(
    `Another operator approves it there; then \`npm run apply -- ${args.out}\` applies exactly this file.\n`,
  );
  return true;
}
