/**
 * Steps 3 and 4 of a plan: the parameter group (created when asked) and its values, set in ONE
 * ModifyCacheParameterGroup call before the group is attached (cluster-enabled must match first).
 */
import type { Snapshot } from "@/lib/core/model/snapshot";
import { FAMILY_DEFAULTS } from "@/lib/core/model/parameters";
import { carryOverFor, type CarryOver } from "./carry-over";
import { parameterValue } from "./live-facts";
import type { ResolvedTarget } from "./target";
import {
  createdByTags,
  type AttributeChange,
  type CreateParameterGroupStep,
  type ModifyParameterGroupStep,
} from "./types";
import type { CheckedParameterGroup } from "./validate-parameter-group";
import { targetKey } from "@/lib/core/identity/identity";

export function parameterGroupDescription(clusterId: string): string {
  return `maxmemory-policy=noeviction for BullMQ on ${clusterId}, created by QueueReady`;
}

/** The values a group must hold for this cluster: noeviction, plus cluster-enabled=yes in cluster mode. */
export function desiredValues(t: ResolvedTarget): { name: string; value: string }[] {
  const values = [{ name: "maxmemory-policy", value: "noeviction" }];
  if (t.clusterMode) values.push({ name: "cluster-enabled", value: "yes" });
  return values;
}

export function createParameterGroupStep(
  t: ResolvedTarget,
  pg: CheckedParameterGroup,
): CreateParameterGroupStep | undefined {
  if (pg.mode !== "create") return undefined;
  const tags = createdByTags(targetKey(t.ref));
  return {
    id: "create-parameter-group",
    kind: "create-parameter-group",
    action: pg.adopted ? "no-op" : "create",
    title: `Create parameter group ${pg.name} (family ${pg.family})`,
    noopReason: pg.adopted
      ? `${pg.name} was created by the run being resumed (its tags say so): it is taken up, not created again.`
      : undefined,
    service: "elasticache",
    operation: "CreateCacheParameterGroup",
    input: { name: pg.name, family: pg.family, description: parameterGroupDescription(t.ref.id) },
    tags,
    changes: [
      { attribute: "CacheParameterGroupName", before: null, after: pg.name },
      { attribute: "CacheParameterGroupFamily", before: null, after: pg.family },
    ],
    effect: {
      when: "immediately",
      reboot: false,
      downtime: false,
      why: "A new group is a copy of the family defaults and changes nothing until it is attached.",
    },
    touches: [],
    securitySensitive: false,
  };
}

/** The user's values of the group a new group replaces (none for a reuse, an edit, or a default group). */
export function carryOverOf(snapshot: Snapshot, t: ResolvedTarget, pg: CheckedParameterGroup) {
  // A resumed run may have attached its group already: the values were carried when it was filled.
  if (pg.mode !== "create" || t.parameterGroupName === pg.name) return undefined;
  return carryOverFor(
    snapshot,
    t,
    desiredValues(t).map((d) => d.name),
  );
}

function carriedChanges(carry: CarryOver, current?: (name: string) => string): AttributeChange[] {
  return carry.parameters.map((p) => ({
    attribute: p.name,
    before: current ? current(p.name) : "family default",
    after: p.value,
    note: p.requiresReboot
      ? `carried over from ${carry.from}; requires-reboot: the nodes run this value already, a different one would wait for a reboot`
      : `carried over from ${carry.from}`,
    ...(p.requiresReboot ? { requiresReboot: true } : {}),
  }));
}

export function modifyParameterGroupStep(
  snapshot: Snapshot,
  t: ResolvedTarget,
  pg: CheckedParameterGroup,
): ModifyParameterGroupStep {
  const desired = desiredValues(t);
  const current = (name: string): string =>
    pg.mode === "create" && !pg.adopted
      ? (FAMILY_DEFAULTS[name] ?? "family default")
      : (() => {
          const read = parameterValue(snapshot, pg.name, name);
          return read.known ? read.value : "unknown";
        })();
  const differing = desired.filter((d) => current(d.name) !== d.value);
  const carryRead = carryOverOf(snapshot, t, pg);
  const carry = carryRead?.ok ? carryRead.value : undefined;
  // An adopted group (resume) may hold some of them already: only what differs is sent again.
  const carried = (carry?.parameters ?? [])
    .filter((p) => !pg.adopted || current(p.name) !== p.value)
    .map(({ name, value }) => ({ name, value }));
  const sent = [...(differing.length > 0 ? differing : desired), ...carried];
  const inUse = pg.otherUsers.length > 0 || t.members.value.some((m) => m.parameterGroup?.name === pg.name);
  const setsClusterEnabled = differing.some((v) => v.name === "cluster-enabled");
  const why = [
    "maxmemory-policy is a dynamic parameter (ChangeType immediate): clusters using the group pick it up without a reboot.",
    inUse ? "" : "The group is not attached to any cluster yet, so this changes no cluster by itself.",
    setsClusterEnabled
      ? "cluster-enabled must match the cluster's mode before the group is attached; it is set while the group is unattached, so nothing restarts."
      : "",
    carried.length > 0
      ? `The ${carried.length} value${carried.length === 1 ? "" : "s"} set on ${carry!.from} ${carried.length === 1 ? "is" : "are"} carried over, so attaching the new group resets nothing.`
      : "",
  ]
    .filter(Boolean)
    .join(" ");
  const ownTitle = (differing.length > 0 ? differing : desired).map((v) => `${v.name}=${v.value}`).join(", ");
  return {
    id: "modify-parameter-group",
    kind: "modify-parameter-group",
    action: differing.length > 0 || carried.length > 0 ? "change" : "no-op",
    title: `Set ${ownTitle}${carried.length > 0 ? ` and ${carried.length} value${carried.length === 1 ? "" : "s"} carried over from ${carry!.from}` : ""} in ${pg.name}`,
    noopReason:
      differing.length > 0 || carried.length > 0
        ? undefined
        : `${pg.name} already has ${desired.map((v) => `${v.name}=${v.value}`).join(", ")}.`,
    service: "elasticache",
    operation: "ModifyCacheParameterGroup",
    input: { name: pg.name, values: sent },
    changes: [
      ...desired.map((d) => ({ attribute: d.name, before: current(d.name), after: d.value })),
      ...(carry ? carriedChanges(carry, pg.adopted ? current : undefined) : []),
    ],
    effect: { when: "immediately", reboot: false, downtime: false, why },
    touches: pg.mode === "edit-shared" ? pg.otherUsers : [],
    securitySensitive: false,
    dependsOn: pg.mode === "create" ? ["create-parameter-group"] : undefined,
  };
}
