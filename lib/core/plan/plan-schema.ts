/**
 * The plan's shape, once: these zod schemas are the source of truth for what the planner produces and what a
 * plan file accepts. lib/plan/types.ts derives `Plan`, `PlanStep` and the rest from them (`z.output`), so a
 * field the planner sets is a field the plan file's reader accepts; a field missing here cannot be set there.
 *
 * Pure: zod only, no I/O. The objects are strict, so a plan read back from a file is checked field by field
 * (an unknown key is refused) before anything trusts it.
 */
import { z } from "zod";
import { regionSchema, targetRefSchema } from "@/lib/core/identity/identity";
import { wizardChoicesSchema } from "./choices";

export const STEP_KINDS = [
  "create-security-group",
  "authorize-ingress",
  "create-parameter-group",
  "modify-parameter-group",
  "modify-replication-group",
  "modify-cache-cluster",
  "create-memorydb-parameter-group",
  "update-memorydb-parameter-group",
  "update-memorydb-cluster",
  "put-metric-alarm",
] as const;

/** The AWS service each step calls: the plan file's calls list is checked against the same list. */
export const STEP_SERVICES = ["ec2", "elasticache", "memorydb", "cloudwatch"] as const;

export const STEP_ACTIONS = ["create", "change", "no-op"] as const;

const text = z.string().max(2000);
const port = z.number().int().min(1).max(65535);
const count = z.number().int().min(0);

/**
 * A value only known once an earlier step ran, e.g. the id of a security group the plan creates:
 * `{ ref: "step:create-security-group.GroupId" }`. Apply resolves it; the CLI script shows `$SG_ID`.
 */
export const stepRefSchema = z.object({ ref: z.string().max(200) }).strict();

export const tagSchema = z.object({ key: text, value: text }).strict();

/** One source of an inbound rule (lib/aws's `RuleSource`; types.ts checks the two are the same type). */
export const ruleSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("cidr"), cidr: text }).strict(),
  z.object({ kind: z.literal("cidr6"), cidr: text }).strict(),
  z.object({ kind: z.literal("security-group"), groupId: text, ownerId: text.optional() }).strict(),
  z.object({ kind: z.literal("prefix-list"), prefixListId: text }).strict(),
]);

/** One attribute before → after. `null` means "does not exist yet". */
export const attributeChangeSchema = z
  .object({
    attribute: text,
    before: text.nullable(),
    after: text.nullable(),
    /** Where the value comes from when it is not the plan's own, e.g. "carried over from shared-lru-redis6". */
    note: text.optional(),
    /** A `requires-reboot` parameter: flagged in the preview (QueueReady never reboots). */
    requiresReboot: z.boolean().optional(),
  })
  .strict();

/** When a step takes effect. Every step here is immediate: QueueReady never reboots a node. */
export const stepEffectSchema = z
  .object({
    when: z.literal("immediately"),
    reboot: z.literal(false),
    downtime: z.literal(false),
    why: text,
  })
  .strict();

/** CreateSecurityGroup: a new group in the cluster's VPC (tagged through TagSpecifications). */
export const createSecurityGroupInputSchema = z
  .object({
    groupName: text,
    description: text,
    vpcId: text,
    /** Set when the run being resumed created it already: the step is a no-op and later steps use this id. */
    existingId: text.optional(),
  })
  .strict();

/** AuthorizeSecurityGroupIngress: one TCP port from one source, into an existing or the new group. */
export const authorizeIngressInputSchema = z
  .object({
    groupId: z.union([text, stepRefSchema]),
    port,
    source: ruleSourceSchema,
    description: text,
    /** A no-op's existing rule (`sgr-…`) in a group the resumed run created: the fix as code imports it. */
    existingRuleId: text.optional(),
  })
  .strict();

/** CreateCacheParameterGroup: a copy of the family defaults. */
export const createParameterGroupInputSchema = z
  .object({ name: text, family: text, description: text })
  .strict();

/** ModifyCacheParameterGroup: the values to set, sent 20 per call (AWS's limit), in order. */
export const modifyParameterGroupInputSchema = z
  .object({ name: text, values: z.array(z.object({ name: text, value: text }).strict()) })
  .strict();

/** ModifyReplicationGroup / ModifyCacheCluster: only the fields that change. */
export const modifyClusterInputSchema = z
  .object({
    id: text,
    cacheParameterGroupName: text.optional(),
    /** Replaces the whole list: every group attached now, plus the new one. */
    securityGroupIds: z.array(z.union([text, stepRefSchema])).optional(),
    applyImmediately: z.boolean(),
  })
  .strict();

/** MemoryDB UpdateCluster: only the fields that change; MemoryDB has no ApplyImmediately (it applies on its own). */
export const updateMemoryDbClusterInputSchema = z
  .object({
    name: text,
    parameterGroupName: text.optional(),
    /** Replaces the whole list: every group attached now, plus the new one. */
    securityGroupIds: z.array(z.union([text, stepRefSchema])).optional(),
  })
  .strict();

/**
 * PutMetricAlarm: the memory alarm that goes with noeviction (lib/core/model/memory-alarm-spec.ts). An upsert:
 * sending it again leaves one alarm. `description` names the run that put it, so undo can tell an alarm
 * QueueReady made from one a person made with the same name.
 */
export const putMetricAlarmInputSchema = z
  .object({
    alarmName: text,
    description: text,
    namespace: z.literal("AWS/ElastiCache"),
    metricName: text,
    dimensions: z.array(z.object({ name: text, value: text }).strict()).min(1),
    statistic: z.literal("Maximum"),
    period: z.number().int().min(10),
    evaluationPeriods: z.number().int().min(1),
    datapointsToAlarm: z.number().int().min(1),
    threshold: z.number().min(0).max(100),
    comparisonOperator: z.literal("GreaterThanThreshold"),
    treatMissingData: z.enum(["missing", "notBreaching", "breaching", "ignore"]),
    /** SNS topics; empty: the alarm changes state and nobody is told (the step's title says so). */
    alarmActions: z.array(text),
  })
  .strict();

/** What every step has besides its id, kind and typed input. */
const stepFields = {
  action: z.enum(STEP_ACTIONS),
  /** One line for a person: "Create parameter group bullmq-redis7-noeviction". */
  title: text,
  /** Why the step is a no-op, when it is one. */
  noopReason: text.optional(),
  service: z.enum(STEP_SERVICES),
  /** The AWS API operation, e.g. `ModifyReplicationGroup`. */
  operation: text,
  /** Tags put on what the step creates (TagSpecifications, or AddTagsToResource / CreateTags after). */
  tags: z.array(tagSchema).optional(),
  changes: z.array(attributeChangeSchema),
  effect: stepEffectSchema,
  /** Other clusters this step also changes (they share the group it edits). */
  touches: z.array(text),
  securitySensitive: z.boolean(),
  dependsOn: z.array(z.enum(STEP_KINDS)).optional(),
};

/** One step of kind `kind`: stable within a plan, one step per kind, so the kind is the id too. */
function stepOf<K extends (typeof STEP_KINDS)[number], I extends z.ZodType>(kind: K, input: I) {
  return z.object({ id: z.literal(kind), kind: z.literal(kind), ...stepFields, input }).strict();
}

export const createSecurityGroupStepSchema = stepOf("create-security-group", createSecurityGroupInputSchema);
export const authorizeIngressStepSchema = stepOf("authorize-ingress", authorizeIngressInputSchema);
export const createParameterGroupStepSchema = stepOf(
  "create-parameter-group",
  createParameterGroupInputSchema,
);
export const modifyParameterGroupStepSchema = stepOf(
  "modify-parameter-group",
  modifyParameterGroupInputSchema,
);
export const modifyReplicationGroupStepSchema = stepOf("modify-replication-group", modifyClusterInputSchema);
export const modifyCacheClusterStepSchema = stepOf("modify-cache-cluster", modifyClusterInputSchema);
/** MemoryDB's CreateParameterGroup: the same input as ElastiCache's (a family's defaults, then values). */
export const createMemoryDbParameterGroupStepSchema = stepOf(
  "create-memorydb-parameter-group",
  createParameterGroupInputSchema,
);
/** MemoryDB's UpdateParameterGroup: values sent 20 per call, like ModifyCacheParameterGroup. */
export const updateMemoryDbParameterGroupStepSchema = stepOf(
  "update-memorydb-parameter-group",
  modifyParameterGroupInputSchema,
);
export const updateMemoryDbClusterStepSchema = stepOf(
  "update-memorydb-cluster",
  updateMemoryDbClusterInputSchema,
);
export const putMetricAlarmStepSchema = stepOf("put-metric-alarm", putMetricAlarmInputSchema);

/** One step of a plan: a union by `kind`, so every consumer's switch is checked for completeness. */
export const planStepSchema = z.discriminatedUnion("kind", [
  createSecurityGroupStepSchema,
  authorizeIngressStepSchema,
  createParameterGroupStepSchema,
  modifyParameterGroupStepSchema,
  modifyReplicationGroupStepSchema,
  modifyCacheClusterStepSchema,
  createMemoryDbParameterGroupStepSchema,
  updateMemoryDbParameterGroupStepSchema,
  updateMemoryDbClusterStepSchema,
  putMetricAlarmStepSchema,
]);

/** One live fact the plan depends on, kept so a refusal can say in words what changed. */
export const fingerprintFactSchema = z
  .object({
    key: text,
    /** e.g. "Parameter group of orders-redis7-001". */
    label: text,
    value: text,
  })
  .strict();

/** The target's identity (account, region, kind, id) and the facts the preview shows about it. */
export const planTargetSchema = targetRefSchema
  .extend({
    kind: z.enum(["replication-group", "cache-cluster", "memorydb-cluster"]),
    engine: text,
    engineVersion: text,
    clusterEnabled: z.boolean(),
    vpcId: text.optional(),
    port: port.optional(),
  })
  .strict();

/** What a revert puts back: only the attributes the reverted run changed. */
export const revertSpecSchema = z
  .object({
    /** The run being reverted. */
    runId: text,
    /** The group the run replaced (`before`) and the one it attached (`after`). */
    parameterGroup: z.object({ before: text, after: text }).strict().optional(),
    /** The whole list before the run, and the whole list the run sent (SecurityGroupIds replaces the list). */
    securityGroups: z
      .object({ before: z.array(text), after: z.array(text) })
      .strict()
      .optional(),
  })
  .strict();

export const planSchema = z
  .object({
    /** Bumped when the plan's shape or the step logic changes, so an old preview is never applied. */
    version: z.literal(2),
    target: planTargetSchema,
    region: regionSchema,
    choices: wizardChoicesSchema,
    /** Set on a revert's plan: the run it reverts and what it puts back (the choices are that run's). */
    revert: revertSpecSchema.optional(),
    /** The snapshot's `readAt`. */
    computedFrom: z.iso.datetime(),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "is not a sha256 fingerprint"),
    facts: z.array(fingerprintFactSchema),
    steps: z.array(planStepSchema),
    summary: z.object({ create: count, change: count, noop: count }).strict(),
    summaryLine: text,
    /** True when every step is a no-op: the cluster already is what the choices describe. */
    converged: z.boolean(),
    warnings: z.array(text),
    /** Reasons apply must not run now (e.g. the cluster is `modifying`); the preview still shows the steps. */
    blockers: z.array(text),
  })
  .strict();
