/**
 * `npm run apply -- plan.json`: applies a plan file through the app's own apply (see APPLY_USAGE in
 * apply-args.ts). Exit codes: 0 every target ended Ready, 1 any did not, 2 error.
 */
import { createInterface } from "node:readline/promises";
import { closeDefaultDatabase, setLegacyAccountSource } from "@/lib/adapters/db";
import { readAwsSettings } from "@/lib/adapters/aws/settings";
import { accountIdOf } from "@/lib/services/estate/scope-access";
import { runCommand } from "./run-command";
import { EXIT_APPLY_ERROR, runApplyCli } from "./run-apply";

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

// Old runs that name no account take the account of these credentials (asked of STS), never a constant.
// Not through lib/services/estate's index: it is the app's per-process cache and imports "server-only",
// which throws outside a react-server bundle, so the command died before reading its arguments.
setLegacyAccountSource(async () => {
  const read = readAwsSettings(process.env);
  return read.ok ? accountIdOf(read.settings) : undefined;
});

runCommand(
  "apply",
  (args, env, io) =>
    runApplyCli(args, env, { ...io, interactive: process.stdin.isTTY === true, ask })
      // Frees the embedded database's files for the app (its lock is this process's while open).
      .finally(() => closeDefaultDatabase()),
  { crashCode: EXIT_APPLY_ERROR },
);
