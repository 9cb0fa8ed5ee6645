/**
 * The plan for a MemoryDB cluster, from its target view: the ingress fix when one is needed (the EC2 steps
 * every plan uses), then CreateParameterGroup (a `bullmq-…` group in the cluster's family) →
 * UpdateParameterGroup (noeviction plus the old custom group's own values) → UpdateCluster (the group, and
 * the security group list when a new group carries the rule). Apply then waits for `ParameterGroupStatus`
 * in-sync and audits the cluster once more.
 */
import { memoryDbDefaultGroup } from "@/lib/core/model/memorydb";
import { memoryDbGroupUsers } from "@/lib/core/model/memorydb-view";
import type { Snapshot } from "@/lib/core/model/snapshot";
import { targetKey } from "@/lib/core/identity/identity";
import type { WizardChoices } from "./choices";
import { networkFacts } from "./fingerprint";
import { securityGroupLabel } from "./live-facts";
import { parameterGroupDescription } from "./steps-parameter-group";
import { authorizeIngressStep, createSecurityGroupStep } from "./steps-network";
import {
  createdByTags,
  NEW_SECURITY_GROUP_REF,
  type FieldErrors,
  type FingerprintFact,
  type PlanStep,
} from "./types";
import { validateNetworkOf, type CheckedNetwork } from "./validate-network";
import {
  checkMemoryDbGroup,
  memoryDbCarryOver,
  memoryDbValue,
  resolveMemoryDb,
  type CheckedMemoryDbGroup,
  type MemoryDbTarget,
} from "./validate-memorydb";

type Step<K extends PlanStep["kind"]> = Extract<PlanStep, { kind: K }>;

const NOEVICTION = { name: "maxmemory-policy", value: "noeviction" };
const immediate = (why: string) => ({ when: "immediately", reboot: false, downtime: false, why }) as const;

export interface MemoryDbPlanParts {
  target: MemoryDbTarget;
  steps: PlanStep[];
  facts: FingerprintFact[];
  warnings: string[];
  blockers: string[];
}

function createGroupStep(
  t: MemoryDbTarget,
  pg: CheckedMemoryDbGroup,
): Step<"create-memorydb-parameter-group"> {
  return {
    id: "create-memorydb-parameter-group",
    kind: "create-memorydb-parameter-group",
    action: pg.adopted ? "no-op" : "create",
    title: `Create MemoryDB parameter group ${pg.name} (family ${pg.family})`,
    noopReason: pg.adopted
      ? `${pg.name} was created by the run being resumed: it is taken up, not created again.`
      : undefined,
    service: "memorydb",
    operation: "CreateParameterGroup",
    input: { name: pg.name, family: pg.family, description: parameterGroupDescription(t.ref.id) },
    tags: createdByTags(targetKey(t.ref)),
    changes: [
      { attribute: "ParameterGroupName", before: null, after: pg.name },
      { attribute: "Family", before: null, after: pg.family },
    ],
    effect: immediate(
      "A new group is a copy of the family defaults and changes nothing until it is attached.",
    ),
    touches: [],
    securitySensitive: false,
  };
}

function updateGroupStep(
  snapshot: Snapshot,
  t: MemoryDbTarget,
  pg: CheckedMemoryDbGroup,
  carried: { from: string; parameters: { name: string; value: string }[] } | undefined,
): Step<"update-memorydb-parameter-group"> {
  const known = pg.mode === "reuse" || pg.adopted;
  // A new group is a copy of its family's default group, which the plan read: its values are known too.
  const from = known ? pg.name : memoryDbDefaultGroup(pg.family);
  const current = (name: string) =>
    memoryDbValue(snapshot, from, name) ?? (known ? "unknown" : "family default");
  const wanted = [NOEVICTION, ...(carried?.parameters ?? []).map(({ name, value }) => ({ name, value }))];
  const sent = wanted.filter((v) => current(v.name) !== v.value);
  const changing = sent.length > 0;
  const extra =
    carried && carried.parameters.length > 0
      ? ` and ${carried.parameters.length} carried over from ${carried.from}`
      : "";
  return {
    id: "update-memorydb-parameter-group",
    kind: "update-memorydb-parameter-group",
    action: changing ? "change" : "no-op",
    title: `Set maxmemory-policy=noeviction${extra} in ${pg.name}`,
    noopReason: changing
      ? undefined
      : `${pg.name} ${known ? "already has" : "starts with the family default"} maxmemory-policy=noeviction${extra}.`,
    service: "memorydb",
    operation: "UpdateParameterGroup",
    // Every wanted value, even those the defaults hold already: apply re-reads the group and sends only if one differs.
    input: { name: pg.name, values: wanted },
    changes: wanted.map((v) => ({
      attribute: v.name,
      before: current(v.name),
      after: v.value,
      ...(v.name === NOEVICTION.name ? {} : { note: `carried over from ${carried!.from}` }),
    })),
    effect: immediate(
      "MemoryDB applies parameter values without a reboot; the group is attached only in the next step.",
    ),
    touches: pg.mode === "reuse" ? memoryDbGroupUsers(snapshot, pg.name).filter((c) => c !== t.ref.id) : [],
    securitySensitive: false,
    dependsOn: pg.mode === "create" ? ["create-memorydb-parameter-group"] : undefined,
  };
}

function updateClusterStep(
  snapshot: Snapshot,
  t: MemoryDbTarget,
  pg: CheckedMemoryDbGroup,
  network: CheckedNetwork,
  earlier: PlanStep[],
): Step<"update-memorydb-cluster"> {
  const input: Step<"update-memorydb-cluster">["input"] = { name: t.ref.id };
  const changes: Step<"update-memorydb-cluster">["changes"] = [];
  if (t.parameterGroupName !== pg.name) {
    input.parameterGroupName = pg.name;
    changes.push({ attribute: "ParameterGroupName", before: t.parameterGroupName ?? "none", after: pg.name });
  }
  const sg = network.securityGroup;
  const newGroup = sg.mode === "new" && !(sg.adopted && t.securityGroupIds.includes(sg.adopted.id));
  if (sg.mode === "new" && newGroup) {
    // SecurityGroupIds REPLACES the list: every group attached now is sent too, or the application loses access.
    input.securityGroupIds = [...t.securityGroupIds, { ref: NEW_SECURITY_GROUP_REF }];
    const labels = t.securityGroupIds.map((id) => securityGroupLabel(snapshot, id));
    changes.push({
      attribute: "SecurityGroupIds",
      before: labels.join(", "),
      after: [...labels, `${sg.name} (new)`].join(", "),
    });
  }
  const changing = changes.length > 0;
  const dependsOn = earlier.filter((s) => s.action !== "no-op").map((s) => s.id);
  return {
    id: "update-memorydb-cluster",
    kind: "update-memorydb-cluster",
    action: changing ? "change" : "no-op",
    title: changing
      ? `Give ${t.ref.id} ${changes.map((c) => (c.attribute === "ParameterGroupName" ? `parameter group ${pg.name}` : "the new security group")).join(" and ")}`
      : `Leave ${t.ref.id} as it is`,
    noopReason: changing ? undefined : `${t.ref.id} already uses ${pg.name} and its security groups.`,
    service: "memorydb",
    operation: "UpdateCluster",
    input,
    changes,
    effect: immediate(
      `MemoryDB applies the change on its own (there is no ApplyImmediately): ${t.ref.id} shows "updating" and ParameterGroupStatus "applying" until in-sync, and keeps serving.`,
    ),
    touches: [],
    securitySensitive: newGroup,
    dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
  };
}

function memoryDbFacts(
  snapshot: Snapshot,
  t: MemoryDbTarget,
  pg: CheckedMemoryDbGroup,
  network: CheckedNetwork,
  carry: string,
): FingerprintFact[] {
  const c = t.memorydb;
  const id = t.ref.id;
  const facts: FingerprintFact[] = [
    { key: "target.status", label: `Status of ${id}`, value: c.status },
    { key: "target.port", label: `Port of ${id}`, value: String(t.port ?? "unknown") },
    { key: "target.vpc", label: `VPC of ${id}`, value: t.vpcId ?? "unknown" },
    {
      key: "target.parameter-group",
      label: `Parameter group of ${id}`,
      value: `${c.parameterGroupName ?? "none"} (${c.parameterGroupStatus ?? "unknown"})`,
    },
    {
      key: "target.security-groups",
      label: `Security groups of ${id}`,
      value:
        c.securityGroups
          .map((g) => `${g.id} (${g.status})`)
          .sort()
          .join(", ") || "none",
    },
  ];
  const groups = snapshot.memorydb?.parameterGroups;
  for (const name of [
    ...new Set([pg.name, ...(t.parameterGroupName ? [t.parameterGroupName] : [])]),
  ].sort()) {
    const group = groups?.ok ? groups.value.find((g) => g.name === name) : undefined;
    facts.push({
      key: `pg.${name}`,
      label: `MemoryDB parameter group ${name}`,
      value: group ? `family ${group.family}` : "absent",
    });
    facts.push({
      key: `pg.${name}.maxmemory-policy`,
      label: `maxmemory-policy in ${name}`,
      value: memoryDbValue(snapshot, name, "maxmemory-policy") ?? "unknown",
    });
    facts.push({
      key: `pg.${name}.users`,
      label: `Clusters using ${name}`,
      value: memoryDbGroupUsers(snapshot, name).join(", ") || "none",
    });
  }
  const defaults = memoryDbDefaultGroup(t.family);
  if (!facts.some((f) => f.key === `pg.${defaults}.maxmemory-policy`))
    facts.push({
      key: `pg.${defaults}.maxmemory-policy`,
      label: `maxmemory-policy in ${defaults}`,
      value: memoryDbValue(snapshot, defaults, "maxmemory-policy") ?? "unknown",
    });
  facts.push({ key: "pg.carried", label: `Values carried over from ${t.parameterGroupName}`, value: carry });
  return [...facts, ...networkFacts(snapshot, t, network)];
}

/** The parts of a MemoryDB plan, or the field errors of choices that fail the live checks. */
export function memoryDbPlan(
  snapshot: Snapshot,
  choices: WizardChoices,
): { ok: true; value: MemoryDbPlanParts } | { ok: false; fieldErrors: FieldErrors } {
  const target = resolveMemoryDb(snapshot, choices.target);
  if (!target.ok) return target;
  const t = target.value;
  const network = validateNetworkOf(snapshot, t, choices.target, choices.network, choices.resume);
  const pg = checkMemoryDbGroup(snapshot, t, choices.parameterGroup, choices.resume);
  if (!network.ok || !pg.ok)
    return {
      ok: false,
      fieldErrors: Object.fromEntries([
        ...Object.entries(network.ok ? {} : network.fieldErrors).map(([k, v]) => [`network.${k}`, v]),
        ...Object.entries(pg.ok ? {} : pg.fieldErrors).map(([k, v]) => [`parameterGroup.${k}`, v]),
      ]),
    };
  const blockers: string[] = [];
  // A resumed run may have attached its group already: its values were carried when it was filled.
  const carry =
    pg.value.mode === "create" && t.parameterGroupName !== pg.value.name
      ? memoryDbCarryOver(snapshot, t, [NOEVICTION.name])
      : undefined;
  if (carry && !carry.ok) blockers.push(carry.message);
  const carried = carry?.ok ? carry.value : undefined;
  const steps: PlanStep[] = [];
  const sg = createSecurityGroupStep(t, network.value);
  if (sg) steps.push(sg);
  if (t.port !== undefined) steps.push(authorizeIngressStep(snapshot, t, network.value));
  if (pg.value.mode === "create") steps.push(createGroupStep(t, pg.value));
  steps.push(updateGroupStep(snapshot, t, pg.value, carried));
  steps.push(updateClusterStep(snapshot, t, pg.value, network.value, [...steps]));
  const carryFact = !carry
    ? "none"
    : carry.ok
      ? carry.value.parameters.map((p) => `${p.name}=${p.value}`).join(", ") || "none"
      : "unknown";
  const busy = t.memorydb.status !== "available";
  if (busy && steps.some((s) => s.action !== "no-op"))
    blockers.push(
      `${t.ref.id} is ${t.memorydb.status}: AWS refuses changes until it is available. Preview again once it is.`,
    );
  return {
    ok: true,
    value: {
      target: t,
      steps,
      facts: memoryDbFacts(snapshot, t, pg.value, network.value, carryFact),
      warnings: [...target.warnings, ...network.warnings, ...pg.warnings],
      blockers,
    },
  };
}
