/**
 * `npm run verify`: checks one cluster on its engine (see VERIFY_USAGE in verify-args.ts).
 * Exit codes: 0 noeviction and the BullMQ job ran, 1 reachable but either failed, 2 unreachable or an error.
 */
import { readPassword } from "@/lib/launch/read-password";
import { runCommand } from "./run-command";
import { runVerifyCli } from "./run-verify";

const askToken = process.stdin.isTTY ? () => readPassword("AUTH token (not shown): ") : undefined;

runCommand("verify", (args, env, io) => runVerifyCli(args, env, { ...io, askToken }), {
  crashCode: 2,
  exitAtOnce: true,
});
