/**
 * Generated plans (fast-check) for tests that must hold for every kind of plan the planner makes: every step
 * kind, carried-over values (with their `note`, some requires-reboot), refs to the new security group, each
 * kind of rule source, a resumed run's taken-up resources (`existingId`) and reverts (`plan.revert`).
 * `planOf` makes the account a case describes and plans the wizard's choices (or a revert) against it.
 */
import fc from "fast-check";
import type { CacheParameter } from "@/lib/core/model/resources";
import type { MetricAlarm } from "@/lib/core/model/alarms";
import { targetKey } from "@/lib/core/identity/identity";
import type { RegionSnapshot } from "@/lib/core/model/snapshot";
import {
  computePlan,
  computeRevertPlan,
  createdByTags,
  isStepRef,
  PlanInputError,
  resolveTarget,
  RUN_TAG,
  STEP_KINDS,
  type Plan,
  type RevertSpec,
  type WizardChoices,
} from "@/lib/core/plan";
import { makeParameterGroup, makeParameters, makeSecurityGroup, seedEuWest1, seedUsEast1 } from "./fixtures";
import { targetOf } from "./plan-helpers";

const SEEDS: Record<string, RegionSnapshot> = { "us-east-1": seedUsEast1(), "eu-west-1": seedEuWest1() };
/** Every cluster the planner can plan for (busy-redis7 makes a blocked plan; the file still holds it). */
const TARGETS = [
  ["us-east-1", "orders-redis7"],
  ["us-east-1", "events-cluster"],
  ["us-east-1", "sessions-redis62"],
  ["us-east-1", "cache-redis62"],
  ["us-east-1", "legacy-redis5"],
  ["us-east-1", "busy-redis7"],
  ["us-east-1", "standalone-redis"],
  ["us-east-1", "jobs-valkey8"],
  ["eu-west-1", "eu-orders"],
  ["us-east-1", "prod-memdb-default"],
  ["us-east-1", "prod-memdb-lru"],
  ["us-east-1", "prod-memdb-valkey"],
] as const;
/** Parameters a user may have set on the group a new one replaces (some replace a seeded row). */
const USER_PARAMETERS = [
  "timeout",
  "tcp-keepalive",
  "notify-keyspace-events",
  "maxmemory-samples",
  "activedefrag",
];

const value = fc.string({ maxLength: 24 });
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/);

export const caseArb = fc.record({
  target: fc.constantFrom(...TARGETS),
  /** Put the target on a custom group first, so a new group has something to carry over. */
  customGroup: fc.boolean(),
  userValues: fc.uniqueArray(
    fc.record({ name: fc.constantFrom(...USER_PARAMETERS), value, reboot: fc.boolean() }),
    { selector: (v) => v.name, maxLength: USER_PARAMETERS.length },
  ),
  securityGroup: fc.oneof(
    fc.record({ mode: fc.constant("existing" as const), pick: fc.nat() }),
    fc.record({ mode: fc.constant("new" as const), name: fc.option(name, { nil: undefined }) }),
  ),
  source: fc.oneof(
    fc.record({ kind: fc.constant("security-group" as const), pick: fc.nat() }),
    fc.record({
      kind: fc.constant("cidr" as const),
      octets: fc.tuple(fc.integer({ min: 10, max: 10 }), fc.nat(255), fc.nat(255)),
      prefix: fc.integer({ min: 16, max: 32 }),
    }),
    fc.record({
      kind: fc.constant("cidr6" as const),
      word: fc.nat(0xffff),
      prefix: fc.integer({ min: 48, max: 128 }),
    }),
    fc.record({ kind: fc.constant("anywhere" as const) }),
  ),
  parameterGroup: fc.oneof(
    fc.record({ mode: fc.constant("create" as const), name: fc.option(name, { nil: undefined }) }),
    fc.record({ mode: fc.constant("reuse" as const), pick: fc.nat() }),
    fc.record({ mode: fc.constant("edit-shared" as const) }),
  ),
  /** A resumed run, and which of its creations the account already holds (tagged with its id). */
  resume: fc.option(
    fc.record({
      runId: fc.stringMatching(/^[0-9a-z-]{1,64}$/),
      adoptSecurityGroup: fc.boolean(),
      adoptParameterGroup: fc.boolean(),
    }),
    { nil: undefined, freq: 2 },
  ),
  /** The memory alarm choice: absent (the default), a threshold and maybe a topic, or left out. */
  alarm: fc.oneof(
    fc.constant(undefined),
    fc.record({
      mode: fc.constant("put" as const),
      threshold: fc.integer({ min: 50, max: 95 }),
      topic: fc.boolean(),
    }),
    fc.record({ mode: fc.constant("none" as const) }),
  ),
  /** What CloudWatch held for the target: not read, no alarm, a counting one, one of QueueReady's name that fires too late, a failed read. */
  alarms: fc.constantFrom("unread", "none", "counting", "late-same-name", "failed"),
  /** A revert of a run that put the target on its current groups, instead of the wizard's plan. */
  revert: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 8 },
    {
      arbitrary: fc.record({
        runId: fc.stringMatching(/^[0-9a-z-]{1,64}$/),
        pg: fc.option(fc.nat()),
        sgs: fc.option(fc.nat()),
      }),
      weight: 1,
    },
  ),
});
export type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const pick = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(items.length, 1)];

function userRow(v: Case["userValues"][number]): CacheParameter {
  return {
    name: v.name,
    value: v.value,
    source: "user",
    dataType: "string",
    changeType: v.reboot ? "requires-reboot" : "immediate",
    isModifiable: true,
  };
}

/**
 * The account the case describes and the plan of the wizard's choices (or of a revert) against it, with the
 * way apply makes it again: from the plan's own choices (and revert) on the same live state.
 */
export interface Planned {
  plan: Plan;
  /** The live state it was planned from. */
  snapshot: RegionSnapshot;
  again: (from: Plan) => Plan;
}

export function planOf(c: Case): Planned | undefined {
  const region = c.target[0];
  const id = c.target[1];
  if (id.startsWith("prod-memdb-")) return memoryDbPlanOf(c);
  const snap = structuredClone(SEEDS[region]!);
  const choiceTarget = targetOf(id, region);
  const resolved = resolveTarget(snap, choiceTarget);
  if (!resolved.ok) throw new Error(resolved.message);
  const t = resolved.target;
  const groups = snap.parameterGroups.ok ? snap.parameterGroups.value : [];
  const sgs = snap.securityGroups.ok ? snap.securityGroups.value : [];
  const clusters = snap.cacheClusters.ok ? snap.cacheClusters.value : [];
  const members = clusters.filter((m) => m.replicationGroupId === id || m.id === id);

  let current = t.parameterGroupName!;
  if (c.customGroup && current.startsWith("default.")) {
    current = `custom-${id}`;
    groups.push(makeParameterGroup(current, t.family!));
    snap.parameters[current] = {
      ok: true,
      value: makeParameters({ policy: "allkeys-lru", clusterEnabled: t.clusterMode }),
    };
    for (const m of members)
      m.parameterGroup = { name: current, applyStatus: "in-sync", nodeIdsToReboot: [] };
  }
  const rows = snap.parameters[current];
  if (rows?.ok && !current.startsWith("default.")) {
    const set = new Set(c.userValues.map((v) => v.name));
    rows.value = [...rows.value.filter((r) => !set.has(r.name)), ...c.userValues.map(userRow)];
  }

  if (c.revert) {
    const spec: RevertSpec = { runId: c.revert.runId };
    if (c.revert.pg !== null) {
      const before = pick(
        groups.filter((g) => g.family === t.family && g.name !== current),
        c.revert.pg,
      );
      if (before) spec.parameterGroup = { before: before.name, after: current };
    }
    if (c.revert.sgs !== null) {
      const inVpc = sgs.filter((g) => g.vpcId === t.vpcId).map((g) => g.id);
      const before = inVpc.slice(0, 1 + (c.revert.sgs % inVpc.length));
      spec.securityGroups = { before, after: t.securityGroupIds };
    }
    const runChoices: WizardChoices = {
      target: choiceTarget,
      network: {
        securityGroup: { mode: "new", name: "reverted" },
        source: { kind: "anywhere", acknowledged: true },
      },
      parameterGroup: { mode: "reuse", name: current },
    };
    return attempt(
      snap,
      () => computeRevertPlan(snap, runChoices, spec),
      (from) => computeRevertPlan(snap, from.choices, from.revert!),
    );
  }

  snap.cloudwatch = cloudWatchOf(c, id, region, t.ref.kind);
  const inVpc = sgs.filter((g) => g.vpcId === t.vpcId);
  const sgName = c.securityGroup.mode === "new" ? (c.securityGroup.name ?? `queueready-${id}`) : "";
  const pgName = c.parameterGroup.mode === "create" ? (c.parameterGroup.name ?? `bullmq-${id}`) : "";
  const tags = (key: string) => ({
    ...Object.fromEntries(createdByTags(key).map((tag) => [tag.key, tag.value])),
    [RUN_TAG]: c.resume!.runId,
  });
  if (c.resume?.adoptSecurityGroup && c.securityGroup.mode === "new") {
    const adopted = makeSecurityGroup("sg-0adopted00000001", sgName, t.vpcId!);
    sgs.push({ ...adopted, tags: tags(targetKey(t.ref)) });
  }
  if (c.resume?.adoptParameterGroup && c.parameterGroup.mode === "create") {
    groups.push(makeParameterGroup(pgName, t.family!, { tags: tags(targetKey(t.ref)) }));
    snap.parameters[pgName] = { ok: true, value: makeParameters({ clusterEnabled: t.clusterMode }) };
  }

  const source = (): WizardChoices["network"]["source"] => {
    const s = c.source;
    switch (s.kind) {
      case "security-group":
        return { kind: "security-group", groupId: pick(inVpc, s.pick)!.id };
      case "cidr":
        return { kind: "cidr", cidr: `${s.octets.join(".")}.0/${s.prefix}` };
      case "cidr6":
        return { kind: "cidr", cidr: `2600:1f18:${s.word.toString(16)}::/${s.prefix}` };
      case "anywhere":
        return { kind: "anywhere", acknowledged: true };
    }
  };
  const users = (group: string) =>
    clusters
      .filter((m) => m.parameterGroup?.name === group)
      .map((m) => m.replicationGroupId ?? m.id)
      .filter((x) => x !== id);
  const parameterGroup = (): WizardChoices["parameterGroup"] => {
    const p = c.parameterGroup;
    if (p.mode === "create") return { mode: "create", name: pgName };
    if (p.mode === "reuse")
      return {
        mode: "reuse",
        name: pick(
          groups.filter((g) => g.family === t.family),
          p.pick,
        )!.name,
      };
    return { mode: "edit-shared", name: current, confirmedClusters: [...new Set(users(current))] };
  };
  const choices: WizardChoices = {
    target: choiceTarget,
    network: {
      securityGroup:
        c.securityGroup.mode === "new"
          ? { mode: "new", name: sgName }
          : { mode: "existing", groupId: pick(t.securityGroupIds, c.securityGroup.pick)! },
      source: source(),
    },
    parameterGroup: parameterGroup(),
    ...(c.alarm ? { alarm: alarmChoiceOf(c.alarm, region) } : {}),
    ...(c.resume ? { resume: { runId: c.resume.runId } } : {}),
  };
  // The state was edited above: plan on a new snapshot object, as a new read would give (snapshots are values).
  const live = { ...snap };
  return attempt(
    live,
    () => computePlan(live, choices),
    (from) => computePlan(live, from.choices),
  );
}

/**
 * A MemoryDB cluster's case: on its seeded group or a custom one with the case's own values, the same network
 * and group choices (edit-shared is refused for MemoryDB), or a revert of a run that put it on its group.
 */
function memoryDbPlanOf(c: Case): Planned | undefined {
  const region = c.target[0];
  const id = c.target[1];
  const snap = structuredClone(SEEDS[region]!);
  const reads = snap.memorydb!;
  const cluster = reads.clusters.ok ? reads.clusters.value.find((k) => k.name === id)! : undefined;
  const groups = reads.parameterGroups.ok ? reads.parameterGroups.value : [];
  const family = groups.find((g) => g.name === cluster!.parameterGroupName)?.family ?? "memorydb_redis7";
  let current = cluster!.parameterGroupName ?? "";
  if (c.customGroup && current.startsWith("default.")) {
    current = `custom-${id}`;
    groups.push({ name: current, family, description: current, arn: "" });
    reads.parameters[current] = structuredClone(reads.parameters[cluster!.parameterGroupName!]!);
    cluster!.parameterGroupName = current;
  }
  const rows = reads.parameters[current];
  if (rows?.ok && !current.startsWith("default.")) {
    const set = new Set(c.userValues.map((v) => v.name));
    rows.value = [...rows.value.filter((r) => !set.has(r.name)), ...c.userValues.map(userRow)];
  }
  const sgs = snap.securityGroups.ok ? snap.securityGroups.value : [];
  const vpcId = reads.subnetGroups.ok ? reads.subnetGroups.value[0]!.vpcId : "";
  if (c.revert) {
    const spec: RevertSpec = { runId: c.revert.runId };
    const others = groups.filter((g) => g.family === family && g.name !== current);
    const before = c.revert.pg !== null ? pick(others, c.revert.pg) : undefined;
    if (before) spec.parameterGroup = { before: before.name, after: current };
    const attachedNow = cluster!.securityGroups.map((g) => g.id);
    if (c.revert.sgs !== null) {
      const inVpcIds = sgs.filter((g) => g.vpcId === vpcId).map((g) => g.id);
      spec.securityGroups = {
        before: inVpcIds.slice(0, 1 + (c.revert.sgs % inVpcIds.length)),
        after: attachedNow,
      };
    }
    const runChoices: WizardChoices = {
      target: { region, kind: "memorydb-cluster", id },
      network: {
        securityGroup: { mode: "new", name: "reverted" },
        source: { kind: "anywhere", acknowledged: true },
      },
      parameterGroup: { mode: "reuse", name: current },
    };
    return attempt(
      snap,
      () => computeRevertPlan(snap, runChoices, spec),
      (from) => computeRevertPlan(snap, from.choices, from.revert!),
    );
  }
  const inVpc = sgs.filter((g) => g.vpcId === vpcId);
  const sgName = c.securityGroup.mode === "new" ? (c.securityGroup.name ?? `queueready-${id}`) : "";
  const pgName = c.parameterGroup.mode === "create" ? (c.parameterGroup.name ?? `bullmq-${id}`) : "";
  const ref = { accountId: snap.scope.accountId, region, kind: "memorydb-cluster" as const, id };
  const tags = {
    ...Object.fromEntries(createdByTags(targetKey(ref)).map((tag) => [tag.key, tag.value])),
    ...(c.resume ? { [RUN_TAG]: c.resume.runId } : {}),
  };
  if (c.resume?.adoptSecurityGroup && c.securityGroup.mode === "new")
    sgs.push({ ...makeSecurityGroup("sg-0adopted00000001", sgName, vpcId), tags });
  if (c.resume?.adoptParameterGroup && c.parameterGroup.mode === "create") {
    groups.push({ name: pgName, family, description: pgName, arn: "", tags });
    reads.parameters[pgName] = structuredClone(reads.parameters[`default.${family.replace("_", "-")}`]!);
  }
  const s = c.source;
  const source: WizardChoices["network"]["source"] =
    s.kind === "security-group"
      ? { kind: "security-group", groupId: pick(inVpc, s.pick)!.id }
      : s.kind === "cidr"
        ? { kind: "cidr", cidr: `${s.octets.join(".")}.0/${s.prefix}` }
        : s.kind === "cidr6"
          ? { kind: "cidr", cidr: `2600:1f18:${s.word.toString(16)}::/${s.prefix}` }
          : { kind: "anywhere", acknowledged: true };
  const p = c.parameterGroup;
  const attached = cluster!.securityGroups.map((g) => g.id);
  const choices: WizardChoices = {
    target: { region, kind: "memorydb-cluster", id },
    network: {
      securityGroup:
        c.securityGroup.mode === "new"
          ? { mode: "new", name: sgName }
          : { mode: "existing", groupId: pick(attached, c.securityGroup.pick)! },
      source,
    },
    parameterGroup:
      p.mode === "create"
        ? { mode: "create", name: pgName }
        : p.mode === "reuse"
          ? {
              mode: "reuse",
              name: pick(
                groups.filter((g) => g.family === family),
                p.pick,
              )!.name,
            }
          : { mode: "edit-shared", name: current, confirmedClusters: [] },
    ...(c.resume ? { resume: { runId: c.resume.runId } } : {}),
  };
  const live = { ...snap };
  return attempt(
    live,
    () => computePlan(live, choices),
    (from) => computePlan(live, from.choices),
  );
}

function alarmChoiceOf(a: NonNullable<Case["alarm"]>, region: string): WizardChoices["alarm"] {
  if (a.mode === "none") return a;
  const topicArn = a.topic ? `arn:aws:sns:${region}:123456789012:ops-pager` : undefined;
  return { mode: "put", threshold: a.threshold, ...(topicArn ? { topicArn } : {}) };
}

/** The CloudWatch part of the account: an alarm on the target's replication group or standalone cluster. */
function cloudWatchOf(c: Case, id: string, region: string, kind: string): RegionSnapshot["cloudwatch"] {
  if (c.alarms === "unread") return undefined;
  const memory = { ok: true as const, value: [] };
  if (c.alarms === "failed")
    return {
      alarms: {
        ok: false,
        problem: {
          code: "access-denied",
          message: "Not authorized.",
          operation: "DescribeAlarms",
          retryable: false,
        },
      },
      memory,
    };
  const alarm = (name: string, threshold: number): MetricAlarm => ({
    name,
    arn: `arn:aws:cloudwatch:${region}:123456789012:alarm:${name}`,
    namespace: "AWS/ElastiCache",
    metricName: "DatabaseMemoryUsageCountedForEvictPercentage",
    dimensions: [{ name: kind === "replication-group" ? "ReplicationGroupId" : "CacheClusterId", value: id }],
    threshold,
    comparisonOperator: "GreaterThanThreshold",
    actionsEnabled: true,
    alarmActions: [],
    stateValue: "OK",
  });
  const value =
    c.alarms === "counting"
      ? [alarm(`${id}-by-hand`, 85)]
      : c.alarms === "late-same-name"
        ? [alarm(`${id}-bullmq-memory`, 97)]
        : [];
  return { alarms: { ok: true, value }, memory };
}

/** The plan, or undefined when the live checks refuse the choices (the wizard would show field errors). */
function attempt(snapshot: RegionSnapshot, make: () => Plan, again: Planned["again"]): Planned | undefined {
  try {
    return { plan: make(), snapshot, again };
  } catch (err) {
    if (err instanceof PlanInputError) return undefined;
    throw err;
  }
}

/** What a plan holds, so a test over generated plans can fail when the generator stops reaching a kind of plan. */
export function planFeatures(plan: Plan): Set<string> {
  const saw = new Set<string>();
  const add = (what: string) => saw.add(what);
  if (plan.revert) add(plan.target.kind === "memorydb-cluster" ? "memorydb:revert" : "revert");
  if (plan.blockers.length > 0) add("blocked");
  for (const step of plan.steps) {
    add(`step:${step.kind}`);
    add(`action:${step.action}`);
    if (step.noopReason) add("noopReason");
    if (step.tags) add("tags");
    if (step.dependsOn) add("dependsOn");
    if (step.touches.length > 0) add("touches");
    for (const change of step.changes) {
      if (change.note) add("note");
      if (change.requiresReboot) add("requiresReboot");
    }
    if (step.kind === "create-security-group" && step.input.existingId) add("existingId");
    if (step.kind === "authorize-ingress") {
      add(`source:${step.input.source.kind}`);
      if (step.input.source.kind === "cidr" && step.input.source.cidr === "0.0.0.0/0") add("source:anywhere");
      if (isStepRef(step.input.groupId)) add("ref:groupId");
    }
    if (step.kind === "put-metric-alarm")
      add(step.input.alarmActions.length ? "alarm:topic" : "alarm:nobody");
    if (step.kind === "modify-replication-group" || step.kind === "modify-cache-cluster") {
      if (step.input.securityGroupIds?.some(isStepRef)) add("ref:securityGroupIds");
      if (step.input.cacheParameterGroupName) add("cacheParameterGroupName");
    }
    if (step.kind === "update-memorydb-cluster") {
      if (step.input.securityGroupIds?.some(isStepRef)) add("memorydb:ref:securityGroupIds");
      if (step.input.parameterGroupName) add("memorydb:parameterGroupName");
    }
  }
  return saw;
}

export const EXPECTED_COVERAGE = [
  ...STEP_KINDS.map((k) => `step:${k}`),
  "action:create",
  "action:change",
  "action:no-op",
  "noopReason",
  "tags",
  "dependsOn",
  "touches",
  "note",
  "requiresReboot",
  "existingId",
  "source:cidr",
  "source:cidr6",
  "source:security-group",
  "source:anywhere",
  "ref:groupId",
  "ref:securityGroupIds",
  "cacheParameterGroupName",
  "memorydb:ref:securityGroupIds",
  "memorydb:parameterGroupName",
  "memorydb:revert",
  "revert",
  "blocked",
  "alarm:topic",
  "alarm:nobody",
];
