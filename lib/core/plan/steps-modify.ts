/**
 * Step 5 of a plan: attach the parameter group and the security group to the cluster, through
 * ModifyReplicationGroup (replication groups) or ModifyCacheCluster (standalone clusters).
 */
import type { Snapshot } from "@/lib/core/model/snapshot";
import { securityGroupLabel } from "./live-facts";
import type { ResolvedTarget } from "./target";
import {
  NEW_SECURITY_GROUP_REF,
  type AttributeChange,
  type ModifyClusterInput,
  type ModifyClusterStep,
  type PlanStep,
} from "./types";
import type { CheckedNetwork } from "./validate-network";
import type { CheckedParameterGroup } from "./validate-parameter-group";

export function modifyClusterStep(
  snapshot: Snapshot,
  t: ResolvedTarget,
  network: CheckedNetwork,
  pg: CheckedParameterGroup,
  earlier: PlanStep[],
): ModifyClusterStep {
  const isRg = t.ref.kind === "replication-group";
  const input: ModifyClusterInput = { id: t.ref.id, applyImmediately: false };
  const changes: AttributeChange[] = [];
  const reasons: string[] = [];
  const currentGroups = [...new Set(t.members.value.map((m) => m.parameterGroup?.name ?? "none"))].join(", ");

  if (t.members.value.some((m) => m.parameterGroup?.name !== pg.name)) {
    input.cacheParameterGroupName = pg.name;
    changes.push({ attribute: "CacheParameterGroupName", before: currentGroups, after: pg.name });
  } else {
    reasons.push(`${t.ref.id} already uses ${pg.name}`);
  }
  const sg = network.securityGroup;
  const securityChange = sg.mode === "new" && !(sg.adopted && t.securityGroupIds.includes(sg.adopted.id));
  if (sg.mode === "new" && securityChange) {
    // SecurityGroupIds REPLACES the list: send every group already attached, or the application loses access.
    input.securityGroupIds = [...t.securityGroupIds, { ref: NEW_SECURITY_GROUP_REF }];
    changes.push({
      attribute: "SecurityGroupIds",
      before: t.securityGroupIds.map((id) => securityGroupLabel(snapshot, id)).join(", "),
      after: [...t.securityGroupIds.map((id) => securityGroupLabel(snapshot, id)), `${sg.name} (new)`].join(
        ", ",
      ),
    });
  } else {
    reasons.push(`${sg.mode === "existing" ? sg.group.id : sg.adopted!.id} is attached already`);
  }
  const changing = changes.length > 0;
  input.applyImmediately = changing;
  const why = [
    "Parameter group and security group changes apply at once whatever ApplyImmediately says (it only governs node type, engine version and node count).",
    `${t.ref.id} shows "modifying" while its nodes move to the new settings and keeps serving: no reboot, no failover.`,
    securityChange
      ? "SecurityGroupIds replaces the whole list, so the groups attached now are sent too and keep their access."
      : "",
  ]
    .filter(Boolean)
    .join(" ");
  const dependsOn = earlier.filter((s) => s.action !== "no-op").map((s) => s.id);
  const base: Omit<ModifyClusterStep, "id" | "kind"> = {
    action: changing ? "change" : "no-op",
    title: changing
      ? `Give ${t.ref.id} ${changes.map((c) => (c.attribute === "SecurityGroupIds" ? "the new security group" : `parameter group ${pg.name}`)).join(" and ")}`
      : `Leave ${t.ref.id} as it is`,
    noopReason: changing ? undefined : `${reasons.join(" and ")}.`,
    service: "elasticache",
    operation: isRg ? "ModifyReplicationGroup" : "ModifyCacheCluster",
    input,
    changes,
    effect: { when: "immediately", reboot: false, downtime: false, why },
    touches: [],
    securitySensitive: securityChange,
    dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
  };
  return isRg
    ? { ...base, id: "modify-replication-group", kind: "modify-replication-group" }
    : { ...base, id: "modify-cache-cluster", kind: "modify-cache-cluster" };
}
