/**
 * `global-datastore`: a member of a Global Datastore takes its parameter group through
 * ModifyGlobalReplicationGroup (for every region at once), and a secondary is read-only: BullMQ must write to
 * the primary region's cluster.
 */
import { sourceOf } from "@/lib/core/readiness/remediation";
import { isBullmqCandidate, type Rule } from "./rule";

export const globalDatastoreRule: Rule = {
  id: "global-datastore",
  title: "Global Datastore member: parameter group via the global group; secondaries are read-only",
  check(t) {
    const global = t.group?.globalReplicationGroup;
    if (!isBullmqCandidate(t) || !global) return [];
    const secondary = global.role.toLowerCase() === "secondary";
    return [
      {
        ruleId: "global-datastore",
        severity: secondary ? "warn" : "info",
        title: secondary
          ? `Secondary of Global Datastore ${global.id}: read-only for BullMQ`
          : `Primary of Global Datastore ${global.id}`,
        detail: secondary
          ? "A secondary cluster only replicates; BullMQ writes on every operation, so point queues and workers at the primary region's cluster. Parameter group changes are made on the global datastore, not here."
          : "Parameter group changes go through ModifyGlobalReplicationGroup and reach every member region; the secondaries follow this cluster.",
        evidence: [
          {
            observed: `GlobalReplicationGroupId=${global.id}, role ${global.role}`,
            source: sourceOf("DescribeReplicationGroups", t.ref.id, t.region),
          },
        ],
        remediation: secondary
          ? undefined
          : {
              summary: "Change the parameter group on the global datastore, not on the member.",
              cli: [
                `aws elasticache modify-global-replication-group --region ${t.region} --global-replication-group-id ${global.id} --cache-parameter-group-name <noeviction-group> --apply-immediately`,
              ],
            },
      },
    ];
  },
};
