import { describe, expect, it } from "vitest";
import { auditRegion } from "@/lib/core/readiness";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { urgencyOf } from "@/lib/adapters/db/target-states";
import { fixActionOf } from "./row-actions";

const audit = auditRegion(seedUsEast1());

describe("status rows: a fix action where one is needed, VPC names, urgency first (issue 9 item 19)", () => {
  it("every row that needs changes links to the wizard for it; incompatible and unknown rows to their page", () => {
    const actions = Object.fromEntries(audit.clusters.map((c) => [c.name, fixActionOf(c)?.label ?? "-"]));
    expect(actions).toMatchObject({
      "orders-redis7": "Fix",
      "events-cluster": "Fix",
      "legacy-redis5": "Fix",
      "jobs-valkey8": "-",
      "secure-redis7": "-",
      "sessions-memcached": "-",
      "ancient-redis4": "See how to fix",
      "serverless-queue": "See how to fix",
    });
    const orders = audit.clusters.find((c) => c.name === "orders-redis7")!;
    expect(fixActionOf(orders)?.href).toBe(
      "/wizard/target?account=123456789012&region=us-east-1&kind=replication-group&id=orders-redis7",
    );
    const needing = audit.clusters.filter((c) => c.verdict !== "ready" && c.verdict !== "not-applicable");
    expect(needing.every((c) => fixActionOf(c) !== undefined)).toBe(true);
  });

  it("names VPCs as the wizard does: the Name tag, else the id", () => {
    const names = new Map(auditRegion(seedUsEast1()).clusters.map((c) => [c.vpcId, c.vpcName]));
    expect(names.get("vpc-0prod00000000001")).toBe("prod");
    expect(names.get("vpc-0stag00000000002")).toBe("staging");
    const unnamed = seedUsEast1();
    if (!unnamed.vpcs.ok) throw new Error("the seeded snapshot has failed reads");
    unnamed.vpcs.value = unnamed.vpcs.value.map((v) => ({ ...v, name: undefined }));
    const prod = auditRegion(unnamed).clusters.find((c) => c.vpcId === "vpc-0prod00000000001");
    expect(prod?.vpcName).toBe("vpc-0prod00000000001");
  });

  it("sorts by urgency unless asked otherwise: every needs-changes row before any ready one", () => {
    const verdicts = [...audit.clusters]
      .sort((a, b) => urgencyOf(a.verdict) - urgencyOf(b.verdict))
      .map((c) => c.verdict);
    expect(verdicts.indexOf("ready")).toBeGreaterThan(verdicts.lastIndexOf("needs-changes"));
    expect(verdicts[0]).toBe("needs-changes");
  });
});
