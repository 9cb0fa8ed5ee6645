/**
 * Arguments of `npm run plan`, parsed strictly and validated with zod: a typo stops with the usage text and
 * exit code 2 rather than planning something else. Scope flags (--region, --account) are a list each, so a
 * fleet plan is the same command with more of them.
 */
import { z } from "zod";
import { parseFlags } from "./parse-flags";
import { accountIdString, regionString } from "@/lib/core/identity/identity";
import { hasChoiceFlags } from "./plan-choices";
import { IAC_FORMATS } from "@/lib/core/plan/iac";
import { ALARM_THRESHOLD_RANGE, snsTopicArnSchema } from "@/lib/core/plan/choices";

export const PLAN_USAGE = `Usage: npm run -s plan -- (--cluster ID | --all) [--all-accounts | --account ID ...] [--region REGION ...] [--out plan.json [--submit [--change-ref REF]]] [--json] [--format terraform|cloudformation] [--demo]

Plans the BullMQ fixes the wizard would make, from live state, for one cluster or every fixable one.
  --cluster ID                 a replication group or standalone cluster id; repeat for several
  --all                        every fixable target in the regions
  --demo                       plan against the running demo (npm run demo): its sandbox and its accounts
  --all-accounts               in every account of QUEUEREADY_ACCOUNTS_FILE (without one: every account of the
                               organization, through its OrganizationAccountAccessRole), as \`npm run audit\` does
  --account ID                 only this account of those; repeat for several (default: what the app covers, every
                               account of QUEUEREADY_ACCOUNTS_FILE, else the credentials' own)
  --region REGION              region to plan in; repeat for several (default: each account's regions, as the app
                               audits them: QUEUEREADY_REGIONS, else AWS_REGION, or the accounts file's)
  --out FILE                   write the plan file that \`npm run apply\` applies
  --json                       print the plan file instead of the summary
  --format FORMAT              the fix as code for the cluster's owner instead of a plan file: terraform (HCL) or
                               cloudformation (a YAML fragment of its stack), written to --out or printed; one
                               --cluster only
  --as NAME                    who made the plan (default: the OS user)
  --submit                     with --out: store the plan for approval in the app's database and print the
                               path of its approval page (/changes/approvals/<id>); another operator approves it
  --change-ref REF             with --submit: the change it belongs to, e.g. a ticket id (up to 100 characters)
Choices (one --cluster only; default: what the wizard recommends):
  --security-group SG_ID       the security group that gets the inbound rule
  --source-security-group SG   allow the application's security group ...
  --cidr CIDR                  ... or an address range ...
  --anywhere                   ... or 0.0.0.0/0 (acknowledges the wizard's warning)
  --parameter-group NAME       reuse this parameter group
  --new-parameter-group NAME   create a parameter group with this name
  --edit-shared NAME           change this shared parameter group, naming each other cluster with --confirm CLUSTER
Memory alarm (every planned target; default: <target>-bullmq-memory at 80 %, notifying QUEUEREADY_ALARM_TOPIC_ARN
or the account's alarmTopicArn in the accounts file, else nobody):
  --alarm-threshold N          alarm above N % of maxmemory (50-95)
  --alarm-topic ARN            notify this SNS topic (in the target's region)
  --no-alarm                   leave the alarm out (under noeviction a full node then refuses writes unannounced)
The accounts and regions covered are listed on stderr.
Exit codes: 0 nothing to change, 1 changes planned, 2 error. With accounts, one that cannot be reached (a role
that cannot be assumed) is named on stderr and left out of the plan; 2 when none can be.`;

const name = z.string().trim().min(1, "cannot be empty").max(255);

/** The alarm flags, checked with the wizard's own rules (alarmChoiceSchema) once combined. */
const alarmFlagsSchema = z
  .object({
    threshold: z
      .string()
      .regex(/^\d+$/, "must be a whole percentage")
      .transform(Number)
      .pipe(
        z
          .number()
          .min(ALARM_THRESHOLD_RANGE.min, `must be at least ${ALARM_THRESHOLD_RANGE.min}`)
          .max(ALARM_THRESHOLD_RANGE.max, `must be at most ${ALARM_THRESHOLD_RANGE.max}`),
      )
      .optional(),
    topic: snsTopicArnSchema.optional(),
    none: z.boolean(),
  })
  .strict();

const planArgsSchema = z
  .object({
    regions: z.array(regionString("is not an AWS region name")),
    accounts: z.array(accountIdString("is not a 12-digit AWS account id")),
    allAccounts: z.boolean(),
    clusters: z.array(name),
    all: z.boolean(),
    out: name.optional(),
    json: z.boolean(),
    format: z.enum(IAC_FORMATS, "must be terraform or cloudformation").optional(),
    as: name.optional(),
    submit: z.boolean(),
    changeRef: z
      .string()
      .trim()
      .min(1, "cannot be empty")
      .max(100)
      .regex(/^[\x20-\x7e]+$/, "must be printable ASCII")
      .optional(),
    help: z.boolean(),
    demo: z.boolean(),
    alarm: alarmFlagsSchema,
    flags: z
      .object({
        securityGroup: name.optional(),
        sourceSecurityGroup: name.optional(),
        cidr: name.optional(),
        anywhere: z.boolean().optional(),
        parameterGroup: name.optional(),
        newParameterGroup: name.optional(),
        editShared: name.optional(),
        confirm: z.array(name).optional(),
      })
      .strict(),
  })
  .strict();

export type PlanArgs = z.infer<typeof planArgsSchema>;

const str = { type: "string" } as const;
const many = { type: "string", multiple: true } as const;
const bool = { type: "boolean" } as const;

function conflicts(a: PlanArgs): string | undefined {
  if (a.help) return undefined;
  if (a.all === a.clusters.length > 0) return "Choose either --cluster ID or --all.";
  const f = a.flags;
  if (hasChoiceFlags(f) && a.clusters.length !== 1)
    return "Choice flags apply to one cluster: use them with a single --cluster.";
  if ([f.parameterGroup, f.newParameterGroup, f.editShared].filter((v) => v !== undefined).length > 1)
    return "Choose one of --parameter-group, --new-parameter-group and --edit-shared.";
  if ([f.sourceSecurityGroup, f.cidr, f.anywhere || undefined].filter((v) => v !== undefined).length > 1)
    return "Choose one of --source-security-group, --cidr and --anywhere.";
  if (a.format && (a.all || a.clusters.length !== 1))
    return "--format writes the fix for one cluster: use a single --cluster.";
  if (a.format && a.json) return "Choose either --format or --json.";
  if (a.format && a.submit)
    return "--submit stores a plan file; --format writes code for its owner: choose one.";
  if ((f.confirm?.length ?? 0) > 0 && f.editShared === undefined) return "--confirm goes with --edit-shared.";
  if (a.submit && !a.out) return "--submit needs --out FILE: the file you submit is the file you apply.";
  if (a.changeRef !== undefined && !a.submit) return "--change-ref goes with --submit.";
  if (a.alarm.none && (a.alarm.threshold !== undefined || a.alarm.topic !== undefined))
    return "--no-alarm leaves the alarm out: drop --alarm-threshold and --alarm-topic, or --no-alarm.";
  return undefined;
}

export function parsePlanArgs(argv: string[]): { ok: true; args: PlanArgs } | { ok: false; message: string } {
  const flags = parseFlags(argv, {
    region: many,
    account: many,
    "all-accounts": bool,
    cluster: many,
    all: bool,
    out: str,
    json: bool,
    format: str,
    as: str,
    submit: bool,
    "change-ref": str,
    help: { type: "boolean", short: "h" },
    demo: bool,
    "alarm-threshold": str,
    "alarm-topic": str,
    "no-alarm": bool,
    "security-group": str,
    "source-security-group": str,
    cidr: str,
    anywhere: bool,
    "parameter-group": str,
    "new-parameter-group": str,
    "edit-shared": str,
    confirm: many,
  });
  if (!flags.ok) return flags;
  const { values } = flags;
  const parsed = planArgsSchema.safeParse({
    regions: [...new Set(values.region ?? [])],
    accounts: [...new Set(values.account ?? [])],
    allAccounts: values["all-accounts"] ?? false,
    clusters: [...new Set(values.cluster ?? [])],
    all: values.all ?? false,
    out: values.out,
    json: values.json ?? false,
    format: values.format,
    as: values.as,
    submit: values.submit ?? false,
    changeRef: values["change-ref"],
    help: values.help ?? false,
    demo: values.demo ?? false,
    alarm: {
      threshold: values["alarm-threshold"],
      topic: values["alarm-topic"],
      none: values["no-alarm"] ?? false,
    },
    flags: {
      securityGroup: values["security-group"],
      sourceSecurityGroup: values["source-security-group"],
      cidr: values.cidr,
      anywhere: values.anywhere,
      parameterGroup: values["parameter-group"],
      newParameterGroup: values["new-parameter-group"],
      editShared: values["edit-shared"],
      confirm: values.confirm,
    },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.path[0] === "accounts") {
      const given = [...new Set(values.account ?? [])][Number(issue.path[1])];
      return { ok: false, message: `--account ${JSON.stringify(given)} ${issue.message}` };
    }
    if (issue.path[0] === "alarm") {
      const flag = { threshold: "--alarm-threshold", topic: "--alarm-topic" }[String(issue.path[1])];
      return { ok: false, message: `${flag ?? "--no-alarm"}: ${issue.message}` };
    }
    const field = String(issue.path[0] === "flags" ? issue.path[1] : issue.path[0]);
    return { ok: false, message: `${field}: ${issue.message}` };
  }
  const conflict = conflicts(parsed.data);
  return conflict ? { ok: false, message: conflict } : { ok: true, args: parsed.data };
}
