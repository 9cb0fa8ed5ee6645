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

export const wizardChoicesSchema = z.object({
  target: targetChoiceSchema,
  network: networkChoiceSchema,
  parameterGroup: parameterGroupChoiceSchema,
  /** Resuming a failed or interrupted run: what it created (tagged with its id) is taken up, not created again. */
  resume: z.object({ runId: z.string().regex(/^[0-9a-z-]{1,64}$/, "Not a run id.") }).optional(),
});

export type TargetChoice = z.infer<typeof targetChoiceSchema>;
export type NetworkChoice = z.infer<typeof networkChoiceSchema>;
export type SecurityGroupChoice = z.infer<typeof securityGroupChoiceSchema>;
export type SourceChoice = z.infer<typeof sourceChoiceSchema>;
export type ParameterGroupChoice = z.infer<typeof parameterGroupChoiceSchema>;
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
