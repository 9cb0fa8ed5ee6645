/** Shared setup for the readiness unit tests: a healthy network and groups, plus lookups into an audit. */
import type { TargetRef } from "@/lib/core/identity/identity";
import { fromGroup, makeSecurityGroup, makeSubnetGroup, makeVpc, SnapshotBuilder, tcpRule } from "./fixtures";
import { auditTarget } from "@/lib/core/readiness/audit";
import type { ClusterAudit, Finding, RuleId } from "@/lib/core/readiness/types";

export const VPC = "vpc-1";
export const APP_SG = "sg-app";
export const CACHE_SG = "sg-cache";

/** A prod VPC with a cache security group open on 6379 to the app's group, a default and a noeviction group. */
export function healthyAccount(region = "us-east-1"): SnapshotBuilder {
  return new SnapshotBuilder(region)
    .vpc(makeVpc(VPC, "10.0.0.0/16", { name: "prod" }))
    .subnetGroup(makeSubnetGroup("prod-subnets", VPC))
    .securityGroup(
      makeSecurityGroup(APP_SG, "app", VPC),
      makeSecurityGroup(CACHE_SG, "cache", VPC, [tcpRule(6379, fromGroup(APP_SG))]),
    )
    .parameterGroup("default.redis7", "redis7", { policy: "volatile-lru" })
    .parameterGroup("bullmq-redis7", "redis7", { policy: "noeviction" });
}

/** Cluster defaults that pass every rule, to spread into a spec and override one fact. */
export const READY = {
  parameterGroup: "bullmq-redis7",
  securityGroupIds: [CACHE_SG],
  subnetGroup: "prod-subnets",
} as const;

export function audit(
  b: SnapshotBuilder,
  id: string,
  kind: TargetRef["kind"] = "replication-group",
): ClusterAudit {
  const result = auditTarget(b.build(), { accountId: b.accountId, kind, region: b.region, id });
  if (!result) throw new Error(`${kind} ${id} is not in the snapshot`);
  return result;
}

export function findings(a: ClusterAudit, ruleId: RuleId): Finding[] {
  return a.findings.filter((f) => f.ruleId === ruleId);
}

/** The one finding of a rule; fails the test when there are none or several. */
export function only(a: ClusterAudit, ruleId: RuleId): Finding {
  const list = findings(a, ruleId);
  if (list.length !== 1)
    throw new Error(
      `expected one ${ruleId} finding, got ${list.length}: ${list.map((f) => f.title).join(" / ")}`,
    );
  return list[0]!;
}
