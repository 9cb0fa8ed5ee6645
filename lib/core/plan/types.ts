/**
 * The change plan: what the preview shows and what apply executes, step by step.
 *
 * A plan is a pure function of (live state just read, wizard choices). It carries the fingerprint of the
 * live facts it was computed from, so apply can recompute it and refuse when the world moved.
 */
import type { RuleSource, Tag } from "@/lib/core/model/resources";
import type { NodeTargetRef } from "@/lib/core/identity/identity";
import type { WizardChoices } from "./choices";
import type { RevertSpec } from "./revert-spec";

/** JSON as the plan stores AWS parameters. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A value only known once an earlier step ran, e.g. the id of a security group the plan creates:
 * `{ ref: "step:create-security-group.GroupId" }`. Apply resolves it; the CLI script shows `$SG_ID`.
 */
export interface StepRef {
  ref: string;
}

export const NEW_SECURITY_GROUP_REF = "step:create-security-group.GroupId";

export type StepKind =
  | "create-security-group"
  | "authorize-ingress"
  | "create-parameter-group"
  | "modify-parameter-group"
  | "modify-replication-group"
  | "modify-cache-cluster";

export type StepAction = "create" | "change" | "no-op";

/** One attribute before → after. `null` means "does not exist yet". */
export interface AttributeChange {
  attribute: string;
  before: string | null;
  after: string | null;
  /** Where the value comes from when it is not the plan's own, e.g. "carried over from shared-lru-redis6". */
  note?: string;
  /** A `requires-reboot` parameter: flagged in the preview (QueueReady never reboots). */
  requiresReboot?: boolean;
}

/** When a step takes effect. Every step here is immediate: QueueReady never reboots a node. */
export interface StepEffect {
  when: "immediately";
  reboot: false;
  downtime: false;
  why: string;
}

/** CreateSecurityGroup: a new group in the cluster's VPC (tagged through TagSpecifications). */
export interface CreateSecurityGroupInput {
  groupName: string;
  description: string;
  vpcId: string;
  /** Set when the run being resumed created it already: the step is a no-op and later steps use this id. */
  existingId?: string;
}

/** AuthorizeSecurityGroupIngress: one TCP port from one source, into an existing or the new group. */
export interface AuthorizeIngressInput {
  groupId: string | StepRef;
  port: number;
  source: RuleSource;
  description: string;
}

/** CreateCacheParameterGroup: a copy of the family defaults. */
export interface CreateParameterGroupInput {
  name: string;
  family: string;
  description: string;
}

/** ModifyCacheParameterGroup: the values to set, sent 20 per call (AWS's limit), in order. */
export interface ModifyParameterGroupInput {
  name: string;
  values: { name: string; value: string }[];
}

/** AWS takes at most 20 parameters per ModifyCacheParameterGroup call. */
export const PARAMETERS_PER_CALL = 20;

/** ModifyReplicationGroup / ModifyCacheCluster: only the fields that change. */
export interface ModifyClusterInput {
  id: string;
  cacheParameterGroupName?: string;
  /** Replaces the whole list: every group attached now, plus the new one. */
  securityGroupIds?: (string | StepRef)[];
  applyImmediately: boolean;
}

interface StepBase<K extends StepKind, I> {
  /** Stable within a plan; one step per kind, so the kind is the id. */
  id: K;
  kind: K;
  action: StepAction;
  /** One line for a person: "Create parameter group bullmq-redis7-noeviction". */
  title: string;
  /** Why the step is a no-op, when it is one. */
  noopReason?: string;
  service: "ec2" | "elasticache";
  /** The AWS API operation, e.g. `ModifyReplicationGroup`. */
  operation: string;
  /** What the step sends, typed per kind; lib/core/plan/aws-params.ts names it as AWS does. */
  input: I;
  /** Tags put on what the step creates (TagSpecifications, or AddTagsToResource / CreateTags after). */
  tags?: Tag[];
  changes: AttributeChange[];
  effect: StepEffect;
  /** Other clusters this step also changes (they share the group it edits). */
  touches: string[];
  securitySensitive: boolean;
  dependsOn?: StepKind[];
}

export type CreateSecurityGroupStep = StepBase<"create-security-group", CreateSecurityGroupInput>;
export type AuthorizeIngressStep = StepBase<"authorize-ingress", AuthorizeIngressInput>;
export type CreateParameterGroupStep = StepBase<"create-parameter-group", CreateParameterGroupInput>;
export type ModifyParameterGroupStep = StepBase<"modify-parameter-group", ModifyParameterGroupInput>;
export type ModifyClusterStep =
  | StepBase<"modify-replication-group", ModifyClusterInput>
  | StepBase<"modify-cache-cluster", ModifyClusterInput>;

/** One step of a plan: a union by `kind`, so every consumer's switch is checked for completeness. */
export type PlanStep =
  | CreateSecurityGroupStep
  | AuthorizeIngressStep
  | CreateParameterGroupStep
  | ModifyParameterGroupStep
  | ModifyClusterStep;

/** One live fact the plan depends on, kept so a refusal can say in words what changed. */
export interface FingerprintFact {
  key: string;
  /** e.g. "Parameter group of orders-redis7-001". */
  label: string;
  value: string;
}

/** The target's identity (account, region, kind, id) and the facts the preview shows about it. */
export interface PlanTarget extends NodeTargetRef {
  engine: string;
  engineVersion: string;
  clusterEnabled: boolean;
  vpcId?: string;
  port?: number;
}

export interface Plan {
  /** Bumped when the plan's shape or the step logic changes, so an old preview is never applied. */
  version: 2;
  target: PlanTarget;
  region: string;
  choices: WizardChoices;
  /** Set on a revert's plan: the run it reverts and what it puts back (the choices are that run's). */
  revert?: RevertSpec;
  /** The snapshot's `readAt`. */
  computedFrom: string;
  fingerprint: string;
  facts: FingerprintFact[];
  steps: PlanStep[];
  summary: { create: number; change: number; noop: number };
  summaryLine: string;
  /** True when every step is a no-op: the cluster already is what the choices describe. */
  converged: boolean;
  warnings: string[];
  /** Reasons apply must not run now (e.g. the cluster is `modifying`); the preview still shows the steps. */
  blockers: string[];
}

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
