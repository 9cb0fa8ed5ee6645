/**
 * The planner's `Plan` as a zod schema, so a plan read back from a file is checked field by field before
 * anything trusts it. Typed against `Plan`: when the planner's shape changes, this stops compiling.
 */
import { z } from "zod";
import { regionSchema, targetRefSchema } from "@/lib/core/identity/identity";
import { wizardChoicesSchema, type Plan, type StepKind } from "@/lib/core/plan";

export const STEP_KINDS = [
  "create-security-group",
  "authorize-ingress",
  "create-parameter-group",
  "modify-parameter-group",
  "modify-replication-group",
  "modify-cache-cluster",
] as const satisfies readonly StepKind[];

const text = z.string().max(2000);
const ref = z.object({ ref: z.string().max(200) }).strict();
const tag = z.object({ key: text, value: text }).strict();

const ruleSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("cidr"), cidr: text }).strict(),
  z.object({ kind: z.literal("cidr6"), cidr: text }).strict(),
  z.object({ kind: z.literal("security-group"), groupId: text, ownerId: text.optional() }).strict(),
  z.object({ kind: z.literal("prefix-list"), prefixListId: text }).strict(),
]);

const modifyInput = z
  .object({
    id: text,
    cacheParameterGroupName: text.optional(),
    securityGroupIds: z.array(z.union([text, ref])).optional(),
    applyImmediately: z.boolean(),
  })
  .strict();

const base = {
  action: z.enum(["create", "change", "no-op"]),
  title: text,
  noopReason: text.optional(),
  service: z.enum(["ec2", "elasticache"]),
  operation: text,
  tags: z.array(tag).optional(),
  changes: z.array(z.object({ attribute: text, before: text.nullable(), after: text.nullable() }).strict()),
  effect: z
    .object({
      when: z.literal("immediately"),
      reboot: z.literal(false),
      downtime: z.literal(false),
      why: text,
    })
    .strict(),
  touches: z.array(text),
  securitySensitive: z.boolean(),
  dependsOn: z.array(z.enum(STEP_KINDS)).optional(),
};

function step<K extends string, I extends z.ZodType>(kind: K, input: I) {
  return z.object({ id: z.literal(kind), kind: z.literal(kind), input, ...base }).strict();
}

const stepSchema = z.discriminatedUnion("kind", [
  step("create-security-group", z.object({ groupName: text, description: text, vpcId: text }).strict()),
  step(
    "authorize-ingress",
    z
      .object({
        groupId: z.union([text, ref]),
        port: z.number().int().min(1).max(65535),
        source: ruleSource,
        description: text,
      })
      .strict(),
  ),
  step("create-parameter-group", z.object({ name: text, family: text, description: text }).strict()),
  step(
    "modify-parameter-group",
    z.object({ name: text, values: z.array(z.object({ name: text, value: text }).strict()) }).strict(),
  ),
  step("modify-replication-group", modifyInput),
  step("modify-cache-cluster", modifyInput),
]);

const count = z.number().int().min(0);

export const planSchema: z.ZodType<Plan> = z
  .object({
    version: z.literal(2),
    target: targetRefSchema
      .extend({
        kind: z.enum(["replication-group", "cache-cluster"]),
        engine: text,
        engineVersion: text,
        clusterEnabled: z.boolean(),
        vpcId: text.optional(),
        port: z.number().int().min(1).max(65535).optional(),
      })
      .strict(),
    region: regionSchema,
    choices: wizardChoicesSchema,
    computedFrom: z.iso.datetime(),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "is not a sha256 fingerprint"),
    facts: z.array(z.object({ key: text, label: text, value: text }).strict()),
    steps: z.array(stepSchema),
    summary: z.object({ create: count, change: count, noop: count }).strict(),
    summaryLine: text,
    converged: z.boolean(),
    warnings: z.array(text),
    blockers: z.array(text),
  })
  .strict();
