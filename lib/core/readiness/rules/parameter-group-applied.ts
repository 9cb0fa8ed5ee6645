/**
 * `parameter-group-applied`: the group is only what the nodes run once every member reports it `in-sync`.
 * A group still `applying` means the policy the audit read is not in force yet (fail, wait); a pending reboot
 * is called out but never advised for BullMQ: maxmemory-policy is dynamic, and a reboot wipes the node's data.
 */
import type { CacheCluster } from "@/lib/core/model/resources";
import type { Evidence, Finding } from "@/lib/core/readiness/types";
import { membersProblem } from "@/lib/core/readiness/target";
import { sourceOf, unknownFinding } from "@/lib/core/readiness/remediation";
import { memoryDbGroupApplied } from "./memorydb-notes";
import { isBullmqCandidate, type Rule } from "./rule";
import { plural } from "@/lib/core/text/plural";

export const parameterGroupAppliedRule: Rule = {
  id: "parameter-group-applied",
  title: "Every member reports its parameter group in-sync (pending reboot called out)",
  check(t) {
    if (!isBullmqCandidate(t)) return [];
    if (t.memorydb) return memoryDbGroupApplied(t.memorydb, t.region);
    const problem = membersProblem(t);
    if (problem)
      return [unknownFinding("parameter-group-applied", "Parameter group status unknown", problem, t.region)];
    const members = t.members.ok ? t.members.value : [];
    const source = sourceOf("DescribeCacheClusters", undefined, t.region);
    const evidence: Evidence[] = members.map((m) => ({ observed: describe(m), expected: "in-sync", source }));
    const names = new Set(members.map((m) => m.parameterGroup?.name ?? "(none)"));
    const applying = members.filter(
      (m) =>
        m.parameterGroup &&
        m.parameterGroup.applyStatus !== "in-sync" &&
        m.parameterGroup.nodeIdsToReboot.length === 0 &&
        m.parameterGroup.applyStatus !== "pending-reboot",
    );
    const reboot = members.filter(
      (m) =>
        m.parameterGroup &&
        (m.parameterGroup.nodeIdsToReboot.length > 0 || m.parameterGroup.applyStatus === "pending-reboot"),
    );
    const findings: Finding[] = [];
    if (names.size > 1) {
      findings.push({
        ruleId: "parameter-group-applied",
        severity: "fail",
        title: `Members use different parameter groups (${[...names].sort().join(", ")})`,
        detail:
          "Nodes of one cluster normally share one group; a mix means a change is half done, and BullMQ may meet a different eviction policy depending on the node it reaches. Let the change finish, then refresh.",
        evidence,
      });
    }
    if (applying.length > 0) {
      findings.push({
        ruleId: "parameter-group-applied",
        severity: "fail",
        title: `Parameter group not applied yet on ${applying.length} of ${plural(members.length, "node")}`,
        detail:
          "Until every node reports in-sync, the nodes may still run the old settings. This usually settles within minutes on its own: refresh the audit then.",
        evidence,
        remediation: {
          summary: "Wait for the apply to finish (no action needed), then refresh the audit.",
          cli: [
            `aws elasticache describe-cache-clusters --region ${t.region} --query "CacheClusters[].[CacheClusterId,CacheParameterGroup.ParameterApplyStatus]"`,
          ],
        },
      });
    }
    if (reboot.length > 0) {
      findings.push({
        ruleId: "parameter-group-applied",
        severity: "warn",
        title: `Pending reboot on ${plural(reboot.length, "node")}`,
        detail:
          "Some parameter of the group only takes effect after a reboot. maxmemory-policy is not one of them (it applies at once), so BullMQ does not need this reboot; a reboot wipes the node's data, so plan it separately if the other change matters.",
        evidence,
      });
    }
    if (findings.length === 0) {
      findings.push({
        ruleId: "parameter-group-applied",
        severity: "pass",
        title: "Parameter group in-sync on every node",
        detail: "The settings the audit read are the ones the nodes run.",
        evidence,
      });
    }
    return findings;
  },
};

function describe(m: CacheCluster): string {
  if (!m.parameterGroup) return `${m.id}: no parameter group reported`;
  const reboot = m.parameterGroup.nodeIdsToReboot.length
    ? `, nodes to reboot: ${m.parameterGroup.nodeIdsToReboot.join(", ")}`
    : "";
  return `${m.id}: ${m.parameterGroup.name} ${m.parameterGroup.applyStatus}${reboot}`;
}
