/**
 * The change plan: what the preview shows and what apply executes, step by step.
 *
 * A plan is a pure function of (live state just read, wizard choices). It carries the fingerprint of the
 * live facts it was computed from, so apply can recompute it and refuse when the world moved.
 */
import type { z } from "zod";
import type { RuleSource, Tag } from "@/lib/core/model/resources";
import type { NodeKind, NodeTargetRef } from "@/lib/core/identity/identity";
import type {
  attributeChangeSchema,
  authorizeIngressInputSchema,
  authorizeIngressStepSchema,
  createParameterGroupInputSchema,
  createParameterGroupStepSchema,
  createSecurityGroupInputSchema,
  createSecurityGroupStepSchema,
  fingerprintFactSchema,
  modifyCacheClusterStepSchema,
  modifyClusterInputSchema,
  modifyParameterGroupInputSchema,
  modifyParameterGroupStepSchema,
  modifyReplicationGroupStepSchema,
  planSchema,
  planStepSchema,
  planTargetSchema,
  putMetricAlarmInputSchema,
  putMetricAlarmStepSchema,
  ruleSourceSchema,
  STEP_ACTIONS,
  STEP_KINDS,
  stepEffectSchema,
  stepRefSchema,
  tagSchema,
} from "./plan-schema";

/*
 * Every type of the plan is derived from its zod schema in lib/plan/plan-schema.ts, the one description of
 * what the planner produces and what a plan file accepts: a field cannot exist in one and not the other.
 */

/** JSON as the plan stores AWS parameters. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A value only known once an earlier step ran, e.g. the id of a security group the plan creates:
 * `{ ref: "step:create-security-group.GroupId" }`. Apply resolves it; the CLI script shows `$SG_ID`.
 */
export type StepRef = z.output<typeof stepRefSchema>;

export const NEW_SECURITY_GROUP_REF = "step:create-security-group.GroupId";

export type StepKind = (typeof STEP_KINDS)[number];

export type StepAction = (typeof STEP_ACTIONS)[number];

/** One attribute before → after. `null` means "does not exist yet"; `note` says where a value comes from. */
export type AttributeChange = z.output<typeof attributeChangeSchema>;

/** When a step takes effect. Every step here is immediate: QueueReady never reboots a node. */
export type StepEffect = z.output<typeof stepEffectSchema>;

/** CreateSecurityGroup: a new group in the cluster's VPC (tagged through TagSpecifications). */
export type CreateSecurityGroupInput = z.output<typeof createSecurityGroupInputSchema>;

/** AuthorizeSecurityGroupIngress: one TCP port from one source, into an existing or the new group. */
export type AuthorizeIngressInput = z.output<typeof authorizeIngressInputSchema>;

/** CreateCacheParameterGroup: a copy of the family defaults. */
export type CreateParameterGroupInput = z.output<typeof createParameterGroupInputSchema>;

/** ModifyCacheParameterGroup: the values to set, sent 20 per call (AWS's limit), in order. */
export type ModifyParameterGroupInput = z.output<typeof modifyParameterGroupInputSchema>;

/** AWS takes at most 20 parameters per ModifyCacheParameterGroup call. */
export const PARAMETERS_PER_CALL = 20;

/** ModifyReplicationGroup / ModifyCacheCluster: only the fields that change. */
export type ModifyClusterInput = z.output<typeof modifyClusterInputSchema>;

export type CreateSecurityGroupStep = z.output<typeof createSecurityGroupStepSchema>;
export type AuthorizeIngressStep = z.output<typeof authorizeIngressStepSchema>;
export type CreateParameterGroupStep = z.output<typeof createParameterGroupStepSchema>;
export type ModifyParameterGroupStep = z.output<typeof modifyParameterGroupStepSchema>;
export type ModifyClusterStep =
  z.output<typeof modifyReplicationGroupStepSchema> | z.output<typeof modifyCacheClusterStepSchema>;

/** PutMetricAlarm: the memory alarm that goes with noeviction. */
export type PutMetricAlarmInput = z.output<typeof putMetricAlarmInputSchema>;
export type PutMetricAlarmStep = z.output<typeof putMetricAlarmStepSchema>;

/** One step of a plan: a union by `kind`, so every consumer's switch is checked for completeness. */
export type PlanStep = z.output<typeof planStepSchema>;

/** One live fact the plan depends on, kept so a refusal can say in words what changed. */
export type FingerprintFact = z.output<typeof fingerprintFactSchema>;

/** The target's identity (account, region, kind, id) and the facts the preview shows about it. */
export type PlanTarget = z.output<typeof planTargetSchema>;

export type Plan = z.output<typeof planSchema>;

/**
 * True only when A and B are the same type, optional fields included. Mutual assignability is not enough:
 * `{ a: string }` and `{ a: string; note?: string }` are assignable both ways, which is how a field the
 * planner set went missing from the plan file's schema once.
 */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type Expect<T extends true> = T;

/** The types the plan shares with modules that cannot derive from lib/plan, checked both ways by `tsc`. */
export type SharedPlanTypesAgree = [
  Expect<Equals<z.output<typeof ruleSourceSchema>, RuleSource>>,
  Expect<Equals<z.output<typeof tagSchema>, Tag>>,
  Expect<
    Equals<
      Pick<PlanTarget, "accountId" | "region" | "id">,
      Pick<NodeTargetRef, "accountId" | "region" | "id">
    >
  >,
  // A plan changes a node-based ElastiCache cluster or a MemoryDB cluster, nothing else.
  Expect<Equals<PlanTarget["kind"], NodeKind | "memorydb-cluster">>,
];

export type FieldErrors = Record<string, string[]>;

/** The result of a live check of one wizard step. */
export type Validation<T> =
  { ok: true; value: T; warnings: string[] } | { ok: false; fieldErrors: FieldErrors };

export const RUN_TAG = "queueready:run";
export const TARGET_TAG = "queueready:target";

/**
 * Tags on everything QueueReady creates, put on at creation (TagSpecifications / Tags), so a resource is
 * findable again even when the run died before recording it. The executor adds `queueready:run` (the run
 * id exists only once apply starts).
 */
export function createdByTags(targetKey: string): Tag[] {
  return [
    { key: "created-by", value: "queueready" },
    { key: TARGET_TAG, value: targetKey },
  ];
}

/** Whether tags say "created by run `runId` for `targetKey`": what a resumed run takes up instead of creating. */
export function createdByRun(
  tags: Record<string, string> | undefined,
  runId: string | undefined,
  targetKey: string,
): boolean {
  return (
    runId !== undefined &&
    tags?.["created-by"] === "queueready" &&
    tags[RUN_TAG] === runId &&
    tags[TARGET_TAG] === targetKey
  );
}

export function isStepRef(value: unknown): value is StepRef {
  return typeof value === "object" && value !== null && typeof (value as { ref?: unknown }).ref === "string";
}
