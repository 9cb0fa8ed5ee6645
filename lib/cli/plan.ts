/**
 * `npm run plan`: the wizard's plan from the command line, for one cluster or the whole estate (see
 * PLAN_USAGE in plan-args.ts). Exit codes: 0 nothing to change, 1 changes planned, 2 error.
 */
import { runCommand } from "./run-command";
import { EXIT_ERROR, runPlanCli } from "./run-plan";

runCommand("plan", runPlanCli, { crashCode: EXIT_ERROR });
