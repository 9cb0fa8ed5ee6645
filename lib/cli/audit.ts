/**
 * `npm run audit`: the BullMQ readiness audit from the command line (see AUDIT_USAGE in audit-args.ts).
 * Exit codes: 0 every targeted cluster Ready, 1 any not, 2 the audit itself failed.
 */
import { EXIT_FAILED, runAuditCli } from "./run-audit";

// The SDK's Node-version notice would land in --json output on stderr-merging shells; it is not actionable here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

runAuditCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bug, not an AWS problem: say so plainly, keep the stack for whoever reports it.
    process.stderr.write(
      `The audit crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = EXIT_FAILED;
  },
);
