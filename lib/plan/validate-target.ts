/**
 * Wizard step 1, live checks: which clusters can be fixed, which cannot (and why), which are ready already.
 */
import type { Snapshot } from "@/lib/inventory/snapshot";
import type { TargetChoice } from "@/lib/plan/choices";
import { ruleCoversPort } from "@/lib/net/port-rule";
import { findSecurityGroup, parameterValue } from "@/lib/plan/live-facts";
import { resolveTarget, type ResolvedTarget } from "@/lib/plan/target";
import type { Validation } from "@/lib/plan/types";
import { compareVersions } from "@/lib/readiness/version";

/** Statuses AWS refuses modifications in, but that pass: the plan shows a blocker instead of hiding the cluster. */
export const BUSY_STATUSES = ["modifying", "snapshotting", "rebooting cluster nodes"];

/** Why a cluster cannot be chosen at all, or undefined when it can. */
export function notSelectableReason(t: ResolvedTarget): string | undefined {
  const name = t.ref.id;
  if (t.engine === "memcached") return `${name} runs Memcached: BullMQ needs Redis OSS or Valkey.`;
  if (t.engine === "redis" && compareVersions(t.engineVersion, "5.0.0") < 0) {
    return `${name} runs Redis ${t.engineVersion}: BullMQ refuses Redis below 5.0.0. Upgrade the engine first.`;
  }
  if (t.globalDatastore) {
    return `${name} belongs to a Global Datastore: its parameter group changes through ModifyGlobalReplicationGroup, which QueueReady does not do.`;
  }
  if (
    ["creating", "deleting", "deleted", "create-failed", "restore-failed", "incompatible-network"].includes(
      t.status,
    )
  ) {
    return `${name} is ${t.status}: AWS cannot modify it in that state.`;
  }
  if (t.port === undefined) return `${name} reports no endpoint yet, so its port is unknown.`;
  if (!t.family) return `The parameter-group family of ${name} is unknown (its current group was not read).`;
  return undefined;
}

export type Readiness =
  { state: "ready" } | { state: "needs-changes"; reasons: string[] } | { state: "unknown"; reason: string };

/**
 * The two things this wizard fixes, checked live: `noeviction` applied on every member, and an inbound
 * rule on the cluster's port in an attached security group. The full audit lives in lib/readiness.
 */
export function fixableReadiness(snapshot: Snapshot, t: ResolvedTarget): Readiness {
  const reasons: string[] = [];
  if (!t.parameterGroupName) return { state: "needs-changes", reasons: ["No parameter group is attached."] };
  const policy = parameterValue(snapshot, t.parameterGroupName, "maxmemory-policy");
  if (!policy.known) return { state: "unknown", reason: policy.reason };
  if (policy.value !== "noeviction")
    reasons.push(`maxmemory-policy is ${policy.value} in ${t.parameterGroupName}.`);
  const notApplied = t.members.filter(
    (m) => m.parameterGroup?.applyStatus !== "in-sync" || m.parameterGroup.name !== t.parameterGroupName,
  );
  if (notApplied.length > 0)
    reasons.push(`The parameter group is not in-sync on ${notApplied.map((m) => m.id).join(", ")}.`);
  if (t.port !== undefined) {
    const groups = t.securityGroupIds.map((id) => findSecurityGroup(snapshot, id));
    if (!snapshot.securityGroups.ok)
      return { state: "unknown", reason: snapshot.securityGroups.problem.message };
    const open = groups.some((g) => g?.ingress.some((r) => ruleCoversPort(r, t.port!)));
    if (!open) reasons.push(`No attached security group lets traffic in on port ${t.port}.`);
  }
  return reasons.length === 0 ? { state: "ready" } : { state: "needs-changes", reasons };
}

/** Step 1 on the server: the cluster exists, can be fixed, and what to say about it. */
export function validateTarget(snapshot: Snapshot, choice: TargetChoice): Validation<ResolvedTarget> {
  const resolved = resolveTarget(snapshot, choice);
  if (!resolved.ok) return { ok: false, fieldErrors: { id: [resolved.message] } };
  const t = resolved.target;
  const reason = notSelectableReason(t);
  if (reason) return { ok: false, fieldErrors: { id: [reason] } };
  const warnings: string[] = [];
  if (fixableReadiness(snapshot, t).state === "ready")
    warnings.push(`${t.ref.id} is already ready for BullMQ: nothing needs to change.`);
  if (BUSY_STATUSES.includes(t.status))
    warnings.push(`${t.ref.id} is ${t.status}: AWS accepts no change until it is available again.`);
  if (t.engine === "redis" && compareVersions(t.engineVersion, "6.2.0") < 0) {
    warnings.push(`Redis ${t.engineVersion} works, but BullMQ warns below 6.2.0: plan an engine upgrade.`);
  }
  return { ok: true, value: t, warnings };
}
