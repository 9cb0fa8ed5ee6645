/**
 * A failed read must not hide what was read: with DescribeSecurityGroups answering 5xx (injected through the
 * sandbox's faults API, as an outage would), clusters whose eviction policy plainly fails still need changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRegions } from "@/lib/services/audit/audit-regions";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox";
import { countVerdicts } from "./export";

let sandbox: RunningSandbox;
let settings: AwsSettings;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  settings = {
    endpoint: sandbox.url,
    regions: ["us-east-1"],
    defaultRegion: "us-east-1",
    maxAttempts: 2,
    credentials: { accessKeyId: "AKIDSANDBOX", secretAccessKey: "sandbox-secret" },
  };
});
afterAll(() => sandbox.close());

describe("verdicts while DescribeSecurityGroups fails", () => {
  it("keeps definite eviction failures as Needs changes; Unknown only where nothing definite fails", async () => {
    const added = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ operation: "DescribeSecurityGroups", kind: "5xx" }),
    });
    expect(added.ok).toBe(true);
    const [audit] = await auditRegions(settings, ["us-east-1"]);
    expect(audit!.problems.map((p) => p.operation)).toContain("DescribeSecurityGroups");
    const verdicts = Object.fromEntries(audit!.clusters.map((c) => [c.name, c.verdict]));
    expect(verdicts).toEqual({
      "orders-redis7": "needs-changes",
      "events-cluster": "needs-changes",
      "sessions-redis62": "needs-changes",
      "cache-redis62": "needs-changes",
      "legacy-redis5": "needs-changes",
      "busy-redis7": "needs-changes",
      "standalone-redis": "needs-changes",
      // Nothing definite fails on these two: their network check is the only open question.
      "jobs-valkey8": "unknown",
      "secure-redis7": "unknown",
      "ancient-redis4": "incompatible",
      "serverless-queue": "incompatible",
      "sessions-memcached": "not-applicable",
      // MemoryDB clusters carry security groups too: the same open question, the same answer.
      "prod-memdb-default": "unknown",
      "prod-memdb-lru": "needs-changes",
      "prod-memdb-valkey": "unknown",
    });
    expect(countVerdicts(audit!.clusters)).toMatchObject({ "needs-changes": 8, unknown: 4 });
    // The unknown network finding is still listed next to the failure, with the failed read behind it.
    const orders = audit!.clusters.find((c) => c.name === "orders-redis7")!;
    expect(orders.findings.map((f) => `${f.severity} ${f.ruleId}`).slice(0, 2)).toEqual([
      "fail eviction-policy",
      "unknown network-ingress",
    ]);
  });
});
