/**
 * Arguments of `npm run audit`: parsed strictly (an unknown flag is a mistake, not something to ignore) and
 * validated with zod, so a typo stops with the usage text and exit code 2 instead of auditing the wrong thing.
 */
import { z } from "zod";
import { parseFlags } from "./parse-flags";
import { accountIdString, regionString } from "@/lib/core/identity/identity";

export const AUDIT_USAGE = `Usage: npm run -s audit -- [--demo] [--all-accounts | --account ID ...] [--region REGION ...] [--cluster NAME ...] [--json | --csv]

Audits ElastiCache clusters for BullMQ readiness with the same rules and AWS settings as the app.
  --all-accounts    every account of QUEUEREADY_ACCOUNTS_FILE (without one: every account of the organization,
                    through its OrganizationAccountAccessRole)
  --account ID      only this account of those; repeat for several
  --region REGION   region to audit; repeat for several (default: QUEUEREADY_REGIONS, else AWS_REGION)
  --cluster NAME    only this replication group, cluster or serverless cache; repeat for several
  --demo            audit the running demo's sandbox (npm run demo), not AWS
  --json            print the JSON export instead of the table
  --csv             print the CSV export instead of the table
  --help            show this text
AWS: the standard credential chain (AWS_PROFILE, env keys, SSO, instance role); QUEUEREADY_AWS_ENDPOINT for the sandbox.
Exit codes: 0 every targeted cluster is Ready, 1 any is not, 2 the audit itself failed (bad input, no access, not found).
With accounts, an account or region that cannot be read shows as Unknown with the reason (exit 1); 2 when none could.
(-s keeps npm's own banner out of --json / --csv output.)`;

const auditArgsSchema = z
  .object({
    regions: z.array(regionString("is not an AWS region name (expected something like us-east-1)")),
    clusters: z.array(z.string().trim().min(1, "a cluster name cannot be empty").max(255)),
    allAccounts: z.boolean(),
    accounts: z.array(accountIdString("is not a 12-digit AWS account id")),
    format: z.enum(["table", "json", "csv"]),
    help: z.boolean(),
    demo: z.boolean(),
  })
  .strict();

export type AuditArgs = z.infer<typeof auditArgsSchema>;

export type ParsedArgs = { ok: true; args: AuditArgs } | { ok: false; message: string };

export function parseAuditArgs(argv: string[]): ParsedArgs {
  const flags = parseFlags(argv, {
    region: { type: "string", multiple: true },
    cluster: { type: "string", multiple: true },
    "all-accounts": { type: "boolean" },
    account: { type: "string", multiple: true },
    json: { type: "boolean" },
    csv: { type: "boolean" },
    help: { type: "boolean", short: "h" },
    demo: { type: "boolean" },
  });
  if (!flags.ok) return flags;
  const { values } = flags;
  if (values.json && values.csv) return { ok: false, message: "Choose one of --json and --csv." };
  const parsed = auditArgsSchema.safeParse({
    regions: [...new Set(values.region ?? [])],
    clusters: [...new Set(values.cluster ?? [])],
    allAccounts: values["all-accounts"] ?? false,
    accounts: [...new Set(values.account ?? [])],
    format: values.json ? "json" : values.csv ? "csv" : "table",
    help: values.help ?? false,
    demo: values.demo ?? false,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field =
      issue.path[0] === "regions"
        ? `--region ${JSON.stringify(values.region?.[Number(issue.path[1])])}`
        : issue.path[0] === "accounts"
          ? `--account ${JSON.stringify(values.account?.[Number(issue.path[1])])}`
          : "--cluster";
    return { ok: false, message: `${field} ${issue.message}` };
  }
  return { ok: true, args: parsed.data };
}
