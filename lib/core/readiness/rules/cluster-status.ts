/**
 * `cluster-status`: a cluster that is not `available` cannot take the fix now (AWS answers
 * InvalidReplicationGroupState), and a failed one needs attention before anything else. Pending modifications
 * are listed because they land later (at the next maintenance window) and may surprise whoever applies next.
 */
import type { Evidence, Finding } from "@/lib/core/readiness/types";
import { wizardHref, sourceOf } from "@/lib/core/readiness/remediation";
import { isBullmqCandidate, type Rule } from "./rule";
import { plural } from "@/lib/core/text/plural";

/** Busy states that settle on their own. */
// MemoryDB says `updating` where ElastiCache says `modifying`.
const TRANSIENT = new Set([
  "creating",
  "modifying",
  "updating",
  "snapshotting",
  "rebooting cluster nodes",
  "backing-up",
]);

export const clusterStatusRule: Rule = {
  id: "cluster-status",
  title: "Cluster and members available; pending modifications listed",
  check(t) {
    if (!isBullmqCandidate(t)) return [];
    const operation = t.memorydb
      ? "DescribeClusters"
      : t.group
        ? "DescribeReplicationGroups"
        : "DescribeCacheClusters";
    const source = sourceOf(operation, undefined, t.region);
    const findings: Finding[] = [];
    if (t.group === undefined && t.ref.kind === "replication-group") {
      findings.push({
        ruleId: "cluster-status",
        severity: "unknown",
        title: "Replication group status unknown",
        detail:
          "The replication group itself could not be read, only its nodes, so its status and settings (cluster mode, TLS, AUTH) are not known.",
        evidence: [
          {
            observed: t.groupProblem?.message ?? "not listed",
            source: sourceOf("DescribeReplicationGroups", undefined, t.region),
          },
        ],
        problem: t.groupProblem,
      });
    } else if (t.status !== "available") {
      const transient = TRANSIENT.has(t.status);
      findings.push({
        ruleId: "cluster-status",
        severity: transient ? "warn" : "fail",
        title: transient ? `Busy: ${t.status}` : `Status ${t.status}`,
        detail: transient
          ? `AWS refuses changes while the cluster is ${t.status}; it settles on its own. Apply the fix once it is available again.`
          : `A cluster in state ${t.status} cannot serve BullMQ reliably or take changes; look at its events in the console before anything else.`,
        evidence: [{ observed: t.status, expected: "available", source }],
        remediation: transient
          ? {
              summary: "Wait until the status is available, then apply the fix.",
              cli: [],
              wizardHref: wizardHref(t.ref),
            }
          : undefined,
      });
    }
    const members = t.members.ok ? t.members.value : [];
    const busyMembers = members.filter((m) => m.status !== "available");
    if (busyMembers.length > 0 && t.status === "available") {
      findings.push({
        ruleId: "cluster-status",
        severity: "warn",
        title: `${plural(busyMembers.length, "node")} not available`,
        detail:
          "Some nodes are not serving; BullMQ reconnects to the primary, but a change applied now may wait for them.",
        evidence: busyMembers.map((m) => ({
          observed: `${m.id}: ${m.status}`,
          expected: "available",
          source: sourceOf("DescribeCacheClusters", undefined, t.region),
        })),
      });
    }
    const pending: Evidence[] = [
      ...(t.group?.pendingChanges ?? []).map((p) => ({
        observed: `${t.ref.id}: ${p.field} → ${p.value}`,
        source,
      })),
      ...members.flatMap((m) =>
        m.pendingChanges.map((p) => ({
          observed: `${m.id}: ${p.field} → ${p.value}`,
          source: sourceOf("DescribeCacheClusters", undefined, t.region),
        })),
      ),
    ];
    if (pending.length > 0) {
      findings.push({
        ruleId: "cluster-status",
        severity: "warn",
        title: `${plural(pending.length, "pending modification")}`,
        detail:
          "These changes are accepted but not applied yet (usually at the next maintenance window); know what they are before changing the cluster again.",
        evidence: pending,
      });
    }
    if (findings.length === 0) {
      findings.push({
        ruleId: "cluster-status",
        severity: "pass",
        title: "Available, no pending modifications",
        detail: "The cluster can take changes now.",
        evidence: [{ observed: t.status, expected: "available", source }],
      });
    }
    return findings;
  },
};
