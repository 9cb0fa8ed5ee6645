/**
 * `serverless`: ElastiCache Serverless cannot host BullMQ and cannot be fixed: it has no parameter groups, its
 * eviction policy is not noeviction and cannot be changed, and it rejects some commands inside MULTI/EXEC.
 * The only way forward is a node-based cluster, so there is no wizard link.
 */
import { shq, sourceOf } from "@/lib/core/readiness/remediation";
import type { Rule } from "./rule";

export const serverlessRule: Rule = {
  id: "serverless",
  title: "Serverless caches are incompatible with BullMQ (no fix path)",
  check(t) {
    const cache = t.serverless;
    if (!cache) return [];
    const name = shq(`${cache.name}-nodes`);
    return [
      {
        ruleId: "serverless",
        severity: "fail",
        decides: "incompatible",
        title: `Serverless ${cache.engine} ${cache.majorEngineVersion}: incompatible with BullMQ`,
        detail:
          "ElastiCache Serverless has no parameter groups, so its eviction policy cannot be set to noeviction, and it rejects some commands BullMQ sends inside MULTI/EXEC. Nothing can be changed on it to fix this: BullMQ needs a node-based Valkey or Redis OSS cluster.",
        evidence: [
          {
            observed: `serverless cache ${cache.name} (${cache.status})`,
            expected: "a node-based replication group or cluster",
            source: sourceOf("DescribeServerlessCaches", undefined, t.region),
          },
        ],
        remediation: {
          summary:
            "Create a node-based Valkey cluster with a noeviction parameter group and point BullMQ at it.",
          cli: [
            `aws elasticache create-cache-parameter-group --region ${t.region} --cache-parameter-group-name bullmq-valkey8-noeviction --cache-parameter-group-family valkey8 --description 'BullMQ: noeviction'`,
            `aws elasticache modify-cache-parameter-group --region ${t.region} --cache-parameter-group-name bullmq-valkey8-noeviction --parameter-name-values ParameterName=maxmemory-policy,ParameterValue=noeviction`,
            `aws elasticache create-replication-group --region ${t.region} --replication-group-id ${name} --replication-group-description 'BullMQ' --engine valkey --engine-version 8.0 --cache-node-type <node-type> --num-cache-clusters 2 --cache-parameter-group-name bullmq-valkey8-noeviction --cache-subnet-group-name <subnet-group> --security-group-ids ${cache.securityGroupIds.map(shq).join(" ") || "<security-group-id>"}`,
          ],
        },
      },
    ];
  },
};
