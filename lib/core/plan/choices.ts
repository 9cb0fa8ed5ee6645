/**
 * The wizard's choices, one zod schema per step, so each step's form validates on its own and the
 * preview validates all three. Shapes only: the live checks (same VPC, unique name...) are in validate-*.ts.
 */
import { z } from "zod";
import { accountIdSchema, regionSchema } from "@/lib/core/identity/identity";

const awsIdSchema = z.string().trim().min(1, "Required.").max(255);
const securityGroupIdSchema = z
  .string()
  .trim()
  .regex(/^sg-[0-9a-z]+$/, "A security group id looks like sg-0123456789abcdef0.");

/** The target as the wizard names it; without an account, the account the credentials belong to. */
export const targetChoiceSchema = z.object({
  accountId: accountIdSchema.optional(),
  region: regionSchema,
  kind: z.enum(["replication-group", "cache-cluster", "memorydb-cluster"]),
  id: awsIdSchema,
});

export const securityGroupChoiceSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("existing"), groupId: securityGroupIdSchema }),
  z.object({
    mode: z.literal("new"),
    name: z.string().trim().min(1, "Name the new security group.").max(255),
    description: z.string().trim().max(255).optional(),
  }),
]);

export const sourceChoiceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("security-group"), groupId: securityGroupIdSchema }),
  z.object({ kind: z.literal("cidr"), cidr: z.string().trim().min(1, "Enter a CIDR such as 10.0.0.0/16.") }),
  z.object({
    kind: z.literal("anywhere"),
    acknowledged: z.literal(true, {
      error: "Opening the port to 0.0.0.0/0 needs an explicit acknowledgement.",
    }),
  }),
]);

export const networkChoiceSchema = z.object({
  securityGroup: securityGroupChoiceSchema,
  source: sourceChoiceSchema,
});

export const parameterGroupChoiceSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("create"), name: z.string().trim().min(1, "Name the new parameter group.") }),
  z.object({ mode: z.literal("reuse"), name: z.string().trim().min(1, "Choose a parameter group.") }),
  z.object({
    mode: z.literal("edit-shared"),
    name: z.string().trim().min(1, "Choose a parameter group."),
    /** Every other cluster that uses the group, named by the operator to confirm they change too. */
    confirmedClusters: z.array(z.string().trim().min(1)),
  }),
]);

/** An SNS topic alarm actions may name (partition, region, account, topic name up to 256, or a FIFO topic). */
export const snsTopicArnSchema = z
  .string()
  .trim()
  .regex(
    /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/,
    "must be an SNS topic ARN (arn:aws:sns:<region>:<account id>:<topic>)",
  );

/** Lowest and highest threshold a person may choose: below 50 it pages all day, above 95 too late to act. */
export const ALARM_THRESHOLD_RANGE = { min: 50, max: 95 } as const;

/**
 * The memory alarm that goes with noeviction: put (threshold in % of maxmemory, SNS topic to notify) or
 * left out on purpose. Absent: put at 80 % to the default topic (QUEUEREADY_ALARM_TOPIC_ARN or the account's).
 */
export const alarmChoiceSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("put"),
    threshold: z
      .number()
      .int("must be a whole percentage")
      .min(ALARM_THRESHOLD_RANGE.min, `must be at least ${ALARM_THRESHOLD_RANGE.min} %`)
      .max(ALARM_THRESHOLD_RANGE.max, `must be at most ${ALARM_THRESHOLD_RANGE.max} %`),
    topicArn: snsTopicArnSchema.optional(),
  }),
  z.object({ mode: z.literal("none") }),
]);

export const wizardChoicesSchema = z.object({
  target: targetChoiceSchema,
  network: networkChoiceSchema,
  parameterGroup: parameterGroupChoiceSchema,
  alarm: alarmChoiceSchema.optional(),
  /** Resuming a failed or interrupted run: what it created (tagged with its id) is taken up, not created again. */
  resume: z.object({ runId: z.string().regex(/^[0-9a-z-]{1,64}$/, "Not a run id.") }).optional(),
});

export type TargetChoice = z.infer<typeof targetChoiceSchema>;
export type NetworkChoice = z.infer<typeof networkChoiceSchema>;
export type SecurityGroupChoice = z.infer<typeof securityGroupChoiceSchema>;
export type SourceChoice = z.infer<typeof sourceChoiceSchema>;
export type ParameterGroupChoice = z.infer<typeof parameterGroupChoiceSchema>;
export type AlarmChoice = z.infer<typeof alarmChoiceSchema>;
export type WizardChoices = z.infer<typeof wizardChoicesSchema>;

/** Field errors keyed by dotted path (`network.source.cidr`), the shape server actions return. */
export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
