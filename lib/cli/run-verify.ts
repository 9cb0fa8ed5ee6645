/**
 * The verify command without the process around it (tests run it in-process): parse, read the AWS settings
 * as the app does, verify, print, return the exit code. The token comes from QUEUEREADY_AUTH_TOKEN or a
 * prompt without echo, only when the cluster needs one; it is never printed.
 */
import { readAwsSettings, type AwsSettingsResult } from "@/lib/adapters/aws/settings";
import { getEstate } from "@/lib/services/estate/estate";
import { exitCodeOf } from "@/lib/services/verify/verify";
import { verifyTarget } from "@/lib/services/verify/verify-target";
import { VERIFY_USAGE, parseVerifyArgs } from "./verify-args";
import { demoVerifySetup } from "./verify-demo";
import { cliSetup } from "./cli-settings";
import { verificationJson, verificationText } from "./verify-text";

export interface VerifyIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Asks for the token on a terminal; absent when there is none (tests, CI). */
  askToken?: () => Promise<string>;
}

export async function runVerifyCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io: VerifyIo,
  root: string = process.cwd(),
): Promise<number> {
  const parsed = parseVerifyArgs(argv);
  if (!parsed.ok) {
    io.err(`${parsed.message}\n\n${VERIFY_USAGE}\n`);
    return 2;
  }
  const { args } = parsed;
  if (args.help) {
    io.out(`${VERIFY_USAGE}\n`);
    return 0;
  }
  let read: AwsSettingsResult = readAwsSettings(env);
  if (args.demo) {
    const demo = await demoVerifySetup(root);
    if (!demo.ok) {
      io.err(`${demo.message}\n`);
      return 2;
    }
    read = { ok: true, settings: demo.settings };
    env = { ...env, ...demo.env };
    // The demo's accounts file, so --account reaches a member as the demo's app does.
    const setup = cliSetup(true, env, root);
    if (setup.ok) env = setup.env;
  }
  if (!read.ok) {
    io.err(`${read.problem.message}\n`);
    return 2;
  }
  // --account: that account of the estate (its read role), as `audit --account` finds it; else the estate
  // of one, the credentials' own account.
  const mode = args.account ? "all" : "own";
  const estate = await getEstate({ settings: read.settings, env, mode }, { fresh: true });
  const chosen = estate.ok
    ? args.account
      ? estate.accounts.find((a) => a.accountId === args.account)
      : estate.accounts[0]
    : undefined;
  if (estate.ok && args.account && !chosen) {
    io.err(`Account ${args.account} is not one of the accounts these credentials reach.\n`);
    return 2;
  }
  if (!chosen?.read) {
    const problem = estate.ok ? chosen?.problem : estate.problem;
    io.err(`${args.region} could not be read: ${problem?.message ?? "the account cannot be read."}\n`);
    return 2;
  }
  const settings = chosen.read;
  const request = {
    region: args.region,
    id: args.cluster,
    accountId: chosen.accountId,
    username: env.QUEUEREADY_REDIS_USERNAME || undefined,
  };
  let token = env.QUEUEREADY_AUTH_TOKEN || undefined;
  let result = await verifyTarget(settings, { ...request, token }, env);
  if (result.ok && result.verification.outcome === "needs-token" && io.askToken) {
    token = await io.askToken();
    result = await verifyTarget(settings, { ...request, token }, env);
  }
  if (!result.ok) {
    io.err(`${result.message}\n`);
    return 2;
  }
  const v = result.verification;
  if (args.json) io.out(`${JSON.stringify(verificationJson(v), null, 2)}\n`);
  else io.out(verificationText(v));
  return exitCodeOf(v);
}
