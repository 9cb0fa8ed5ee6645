/**
 * `engine-version`: BullMQ refuses Redis OSS below 5.0.0 and warns below 6.2.0; it skips the check for Valkey
 * (7.2+ is fine). Memcached is not something BullMQ can use at all: not applicable rather than a failure.
 */
import type { Finding } from "@/lib/core/readiness/types";
import { membersProblem } from "@/lib/core/readiness/target";
import { shq, sourceOf, unknownFinding } from "@/lib/core/readiness/remediation";
import { compareVersions } from "@/lib/core/readiness/version";
import type { Rule } from "./rule";

/** BullMQ's Redis OSS thresholds: it refuses to run below the first and warns at connect below the second. */
export const REDIS_MINIMUM = "5.0.0";
export const REDIS_RECOMMENDED = "6.2.0";

/** How BullMQ takes a Redis OSS version: the one reading of the thresholds, for the rule and the wizard. */
export function redisVersionSupport(version: string): "refused" | "warned" | "supported" {
  if (compareVersions(version, REDIS_MINIMUM) < 0) return "refused";
  if (compareVersions(version, REDIS_RECOMMENDED) < 0) return "warned";
  return "supported";
}

export const engineVersionRule: Rule = {
  id: "engine-version",
  title: "Engine: Redis OSS ≥ 5.0 (≥ 6.2 recommended) or Valkey; Memcached not applicable",
  check(t) {
    if (t.serverless) return [];
    const source = sourceOf(t.memorydb ? "DescribeClusters" : "DescribeCacheClusters", undefined, t.region);
    if (t.engine === "memcached") {
      return [
        {
          ruleId: "engine-version",
          severity: "info",
          decides: "not-applicable",
          title: `Memcached${t.engineVersion ? ` ${t.engineVersion}` : ""}: not usable by BullMQ`,
          detail:
            "BullMQ runs on Redis OSS or Valkey only (it needs Lua scripts, streams and sorted sets). This cluster is left out of the readiness count.",
          evidence: [
            {
              observed: `engine memcached ${t.engineVersion ?? ""}`.trim(),
              expected: "redis or valkey",
              source,
            },
          ],
        },
      ];
    }
    const problem = membersProblem(t);
    if (problem || !t.engineVersion) {
      const missing = problem ?? {
        code: "unknown" as const,
        message: `No engine version reported for ${t.ref.id}.`,
        operation: "DescribeCacheClusters",
        region: t.region,
        retryable: true,
      };
      return [unknownFinding("engine-version", "Engine version unknown", missing, t.region)];
    }
    const version = t.engineVersion;
    if (t.engine === "valkey") {
      return [
        pass(
          `Valkey ${version}`,
          "BullMQ supports Valkey (it skips its Redis version check for Valkey).",
          `valkey ${version}`,
          source,
        ),
      ];
    }
    const evidence = [{ observed: `redis ${version}`, expected: ">= 6.2.0", source }];
    const upgrade = {
      summary:
        "Upgrade the engine (in place; ElastiCache replaces nodes one by one, plan a maintenance window), or move to Valkey.",
      cli: [
        `aws elasticache describe-cache-engine-versions --region ${t.region} --engine redis --query "CacheEngineVersions[].EngineVersion"`,
        upgradeCommand(t.ref.kind, t.ref.id, t.region),
      ],
    };
    const support = redisVersionSupport(version);
    if (support === "refused") {
      return [
        {
          ruleId: "engine-version",
          severity: "fail",
          decides: "incompatible",
          title: `Redis ${version} is below 5.0: BullMQ refuses to run`,
          detail:
            "BullMQ needs Redis 5.0 or newer (it relies on streams and newer commands) and stops at connect on older servers. The parameter group fix alone cannot make this cluster ready.",
          evidence: [{ ...evidence[0]!, expected: ">= 5.0.0" }],
          remediation: upgrade,
        },
      ];
    }
    if (support === "warned") {
      return [
        {
          ruleId: "engine-version",
          severity: "warn",
          title: `Redis ${version} is below 6.2: BullMQ warns at connect`,
          detail:
            "BullMQ runs on Redis 5.x but warns at every connect that 6.2 or newer is recommended; upgrade when convenient.",
          evidence,
          remediation: upgrade,
        },
      ];
    }
    return [
      pass(`Redis ${version}`, "Redis 6.2 or newer: no BullMQ version warning.", `redis ${version}`, source),
    ];
  },
};

function pass(title: string, detail: string, observed: string, source: string): Finding {
  return { ruleId: "engine-version", severity: "pass", title, detail, evidence: [{ observed, source }] };
}

function upgradeCommand(kind: string, id: string, region: string): string {
  const which =
    kind === "replication-group"
      ? `modify-replication-group --replication-group-id ${shq(id)}`
      : `modify-cache-cluster --cache-cluster-id ${shq(id)}`;
  return `aws elasticache ${which} --region ${region} --engine-version <target-version> --apply-immediately`;
}
