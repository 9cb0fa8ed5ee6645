/**
 * What a status row shows: the stored state without what only the database uses (the sort keys, the
 * search text, the audit's id and times). The table renders in the browser too, so every row is sent as
 * data once; leaving the rest out keeps that payload to what is on screen.
 */
import type { StoredTargetState } from "@/lib/adapters/db/target-state-queries";

export type StatusRow = Pick<
  StoredTargetState,
  | "accountId"
  | "accountName"
  | "region"
  | "kind"
  | "targetId"
  | "verdict"
  | "status"
  | "staleReason"
  | "owner"
  | "engine"
  | "engineVersion"
  | "topology"
  | "vpcId"
  | "vpcName"
  | "parameterGroup"
  | "policy"
  | "findings"
>;

export function statusRowOf(s: StoredTargetState): StatusRow {
  return {
    accountId: s.accountId,
    accountName: s.accountName,
    region: s.region,
    kind: s.kind,
    targetId: s.targetId,
    verdict: s.verdict,
    status: s.status,
    staleReason: s.staleReason,
    owner: s.owner,
    engine: s.engine,
    engineVersion: s.engineVersion,
    topology: s.topology,
    vpcId: s.vpcId,
    vpcName: s.vpcName,
    parameterGroup: s.parameterGroup,
    policy: s.policy,
    findings: s.findings,
  };
}
