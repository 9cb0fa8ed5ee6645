/**
 * `npm run plan`: the wizard's plan from the command line, for one cluster or the whole estate (see
 * PLAN_USAGE in plan-args.ts). Exit codes: 0 nothing to change, 1 changes planned, 2 error.
 */
import { EXIT_ERROR, runPlanCli } from "./run-plan";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

runPlanCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `The plan crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = EXIT_ERROR;
  },
);
