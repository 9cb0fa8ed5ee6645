/**
 * `npm run plan`: the wizard's plan from the command line, for one cluster or the whole estate (see
 * PLAN_USAGE in plan-args.ts). Exit codes: 0 nothing to change, 1 changes planned, 2 error.
 */
import { closeDefaultDatabase } from "@/lib/adapters/db";
import { runCommand } from "./run-command";
import { EXIT_ERROR, runPlanCli } from "./run-plan";

// --submit opens the app's database; close it so an embedded one's files are free for the app.
runCommand("plan", (args, env, io) => runPlanCli(args, env, io).finally(() => closeDefaultDatabase()), {
  crashCode: EXIT_ERROR,
});
