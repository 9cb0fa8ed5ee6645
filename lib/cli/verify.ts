/**
 * `npm run verify`: checks one cluster on its engine (see VERIFY_USAGE in verify-args.ts).
 * Exit codes: 0 noeviction and the BullMQ job ran, 1 reachable but either failed, 2 unreachable or an error.
 */
import { readPassword } from "@/lib/launch/read-password";
import { runVerifyCli } from "./run-verify";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

runVerifyCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  askToken: process.stdin.isTTY ? () => readPassword("AUTH token (not shown): ") : undefined,
}).then(
  (code) => {
    // BullMQ and ioredis may leave timers behind: the answer is printed, so end now.
    process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(
      `verify crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(2);
  },
);
