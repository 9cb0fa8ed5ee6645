/**
 * Helpers for the planner's tests: the wizard's recommended choices for a seeded cluster, and a way to
 * put a plan's "after" into a snapshot (what AWS would report once the plan ran).
 */
import type { RegionSnapshot } from "@/lib/core/model/snapshot";
import type { TargetChoice, WizardChoices } from "@/lib/core/plan/choices";
import { suggestions } from "@/lib/core/plan/suggestions";
import { makeParameterGroup, makeParameters } from "./fixtures";

export function targetOf(id: string, region = "us-east-1"): TargetChoice {
  if (id.includes("-memdb-")) return { region, kind: "memorydb-cluster", id };
  return { region, kind: id.startsWith("standalone") ? "cache-cluster" : "replication-group", id };
}

/** The choices the wizard pre-fills for a cluster; throws when it cannot recommend a network choice. */
export function recommendedChoices(snapshot: RegionSnapshot, id: string): WizardChoices {
  const target = targetOf(id, snapshot.region);
  const s = suggestions(snapshot, target);
  if (!s.ok) throw new Error(s.message);
  const network = s.value.network.recommended;
  if (!network) throw new Error(`No network recommendation for ${id}`);
  return { target, network, parameterGroup: s.value.parameterGroup.recommended };
}

/** Attaches a custom noeviction group to a cluster's members, in-sync, as a finished apply leaves it. */
export function withAttachedGroup(
  snapshot: RegionSnapshot,
  clusterId: string,
  groupName: string,
  family: string,
  clusterEnabled = false,
): RegionSnapshot {
  const next = structuredClone(snapshot);
  if (next.parameterGroups.ok) next.parameterGroups.value.push(makeParameterGroup(groupName, family));
  next.parameters[groupName] = { ok: true, value: makeParameters({ policy: "noeviction", clusterEnabled }) };
  if (next.cacheClusters.ok) {
    for (const c of next.cacheClusters.value) {
      if (c.replicationGroupId === clusterId || c.id === clusterId)
        c.parameterGroup = { name: groupName, applyStatus: "in-sync", nodeIdsToReboot: [] };
    }
  }
  return next;
}
