/**
 * Wizard step 1, live checks: which clusters can be fixed, which cannot (and why), which are ready already.
 */
import type { Snapshot } from "@/lib/core/model/snapshot";
import type { TargetChoice } from "./choices";
import { auditTarget } from "@/lib/core/readiness/audit";
import type { TargetView } from "@/lib/core/model/target-view";
import { resolveTarget, type ResolvedTarget } from "./target";
import type { Validation } from "./types";
import {
  REDIS_MINIMUM,
  REDIS_RECOMMENDED,
  redisVersionSupport,
} from "@/lib/core/readiness/rules/engine-version";

/**
 * Statuses AWS refuses modifications in, but that pass: the plan shows a blocker instead of hiding the cluster.
 * `updating` is MemoryDB's word for ElastiCache's `modifying`.
 */
export const BUSY_STATUSES = ["modifying", "snapshotting", "rebooting cluster nodes", "updating"];

/** The facts of a target (ElastiCache or MemoryDB view) step 1 judges it by. */
export type SelectableFacts = Pick<
  TargetView,
  "ref" | "engine" | "engineVersion" | "globalDatastore" | "status" | "port" | "family"
>;

/** Why a cluster cannot be chosen at all, or undefined when it can. */
export function notSelectableReason(t: SelectableFacts): string | undefined {
  const name = t.ref.id;
  if (t.engine === "memcached") return `${name} runs Memcached: BullMQ needs Redis OSS or Valkey.`;
  if (t.engine === "redis" && redisVersionSupport(t.engineVersion ?? "") === "refused") {
    return `${name} runs Redis ${t.engineVersion ?? ""}: BullMQ refuses Redis below ${REDIS_MINIMUM}. Upgrade the engine first.`;
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

/**
 * Why a busy cluster cannot be chosen now (AWS refuses every modification until it is available), said at
 * step 1 rather than only at the preview; undefined when it is not busy.
 */
export function busyReason(t: Pick<TargetView, "ref" | "status">): string | undefined {
  if (!BUSY_STATUSES.includes(t.status)) return undefined;
  return `${t.ref.id} is ${t.status}: AWS accepts no change until it is available again. Choose it once the status page shows it available.`;
}

export type Readiness =
  { state: "ready" } | { state: "needs-changes"; reasons: string[] } | { state: "unknown"; reason: string };

/**
 * Whether the target is ready, as the readiness rules judge it (lib/core/readiness): the planner does not judge
 * again. Needs-changes lists the failed findings' titles, unknown the first finding that could not decide.
 */
export function readinessOf(snapshot: Snapshot, t: Pick<TargetView, "ref">): Readiness {
  const audit = auditTarget(snapshot, t.ref);
  if (!audit) return { state: "unknown", reason: `${t.ref.id} is not in the live state read.` };
  if (audit.verdict === "ready") return { state: "ready" };
  const unknown = audit.findings.find((f) => f.severity === "unknown");
  if (audit.verdict === "unknown" && unknown)
    return { state: "unknown", reason: unknown.problem?.message ?? unknown.title };
  return {
    state: "needs-changes",
    reasons: audit.findings.filter((f) => f.severity === "fail").map((f) => f.title),
  };
}

/** Said at the target step; the plan drops it when it still puts something (the memory alarm). */
export const alreadyReadyWarning = (id: string) =>
  `${id} is already ready for BullMQ: nothing needs to change.`;

/** Step 1 on the server: the cluster exists, can be fixed, and what to say about it. */
export function validateTarget(snapshot: Snapshot, choice: TargetChoice): Validation<ResolvedTarget> {
  const resolved = resolveTarget(snapshot, choice);
  if (!resolved.ok) return { ok: false, fieldErrors: { id: [resolved.message] } };
  return judgeTarget(snapshot, resolved.target);
}

/** A resolved target (ElastiCache or MemoryDB) held to step 1's rules, with what to say about it. */
export function judgeTarget<T extends SelectableFacts>(snapshot: Snapshot, t: T): Validation<T> {
  const reason = notSelectableReason(t);
  if (reason) return { ok: false, fieldErrors: { id: [reason] } };
  const warnings: string[] = [];
  if (readinessOf(snapshot, t).state === "ready") warnings.push(alreadyReadyWarning(t.ref.id));
  if (BUSY_STATUSES.includes(t.status))
    warnings.push(`${t.ref.id} is ${t.status}: AWS accepts no change until it is available again.`);
  if (t.engine === "redis" && redisVersionSupport(t.engineVersion ?? "") === "warned") {
    warnings.push(
      `Redis ${t.engineVersion} works, but BullMQ warns below ${REDIS_RECOMMENDED}: plan an engine upgrade.`,
    );
  }
  return { ok: true, value: t, warnings };
}
