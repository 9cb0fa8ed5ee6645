/**
 * `npm run audit`: the BullMQ readiness audit from the command line (see AUDIT_USAGE in audit-args.ts).
 * Exit codes: 0 every targeted cluster Ready, 1 any not, 2 the audit itself failed.
 */
import { runCommand } from "./run-command";
import { EXIT_FAILED, runAuditCli } from "./run-audit";

runCommand("audit", runAuditCli, { crashCode: EXIT_FAILED });
