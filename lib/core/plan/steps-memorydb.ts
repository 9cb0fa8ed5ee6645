/**
 * The MemoryDB steps of a plan (memorydb-plan.ts puts them in order after the ingress fix, the EC2 steps
 * every plan uses): CreateParameterGroup (a `bullmq-…` group in the cluster's family) →
 * UpdateParameterGroup (noeviction plus the old custom group's own values) → UpdateCluster (the group, and
 * the security group list when a new group carries the rule). Apply then waits for `ParameterGroupStatus`
 * in-sync and audits the cluster once more.
 */
import { memoryDbDefaultGroup } from "@/lib/core/model/memorydb";
import { memoryDbGroupUsers } from "@/lib/core/model/memorydb-view";
import type { Snapshot } from "@/lib/core/model/snapshot";
import { targetKey } from "@/lib/core/identity/identity";
import { securityGroupLabel } from "./live-facts";
import { parameterGroupDescription } from "./steps-parameter-group";
import { createdByTags, NEW_SECURITY_GROUP_REF, type PlanStep } from "./types";
import type { CheckedNetwork } from "./validate-network";
import { memoryDbValue, type CheckedMemoryDbGroup, type MemoryDbTarget } from "./validate-memorydb";

type Step<K extends PlanStep["kind"]> = Extract<PlanStep, { kind: K }>;

export const NOEVICTION = { name: "maxmemory-policy", value: "noeviction" };
const immediate = (why: string) => ({ when: "immediately", reboot: false, downtime: false, why }) as const;

export function createGroupStep(
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

export function updateGroupStep(
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

export function updateClusterStep(
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
