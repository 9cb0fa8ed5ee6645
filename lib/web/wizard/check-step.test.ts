import { describe, expect, it } from "vitest";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { checkStep, nextStep } from "./check-step";

const orders = { region: "us-east-1", kind: "replication-group", id: "orders-redis7" };
const reuseRule = {
  sg: "existing",
  sgId: "sg-0cache00000000001",
  src: "security-group",
  srcGroup: "sg-0app000000000001",
};

describe("checkStep on the seeded account", () => {
  it("accepts a fixable cluster and moves on in order", () => {
    expect(checkStep("target", orders, seedUsEast1())).toEqual({ ok: true, warnings: [] });
    expect(nextStep("target")).toBe("network");
    expect(nextStep("modification")).toBe("preview");
  });

  it("refuses Redis below 5.0, Memcached and a missing cluster next to the cluster field", () => {
    const s = seedUsEast1();
    expect(checkStep("target", { ...orders, id: "ancient-redis4" }, s)).toEqual({
      ok: false,
      fieldErrors: {
        id: ["ancient-redis4 runs Redis 4.0.10: BullMQ refuses Redis below 5.0.0. Upgrade the engine first."],
      },
    });
    expect(checkStep("target", { ...orders, kind: "cache-cluster", id: "sessions-memcached" }, s)).toEqual({
      ok: false,
      fieldErrors: { id: ["sessions-memcached runs Memcached: BullMQ needs Redis OSS or Valkey."] },
    });
    expect(checkStep("target", { region: "us-east-1" }, s)).toEqual({
      ok: false,
      fieldErrors: { id: ["Choose a cluster."] },
    });
    expect(checkStep("target", { ...orders, id: "nope" }, s)).toEqual({
      ok: false,
      fieldErrors: { id: ["No replication group named nope in us-east-1."] },
    });
  });

  it("says a ready cluster is ready", () => {
    expect(checkStep("target", { ...orders, id: "jobs-valkey8" }, seedUsEast1())).toEqual({
      ok: true,
      warnings: ["jobs-valkey8 is already ready for BullMQ: nothing needs to change."],
    });
  });

  it("checks the network answer live: attached group, same-VPC source, canonical CIDR", () => {
    const s = seedUsEast1();
    expect(checkStep("network", { ...orders, ...reuseRule }, s)).toEqual({ ok: true, warnings: [] });
    expect(checkStep("network", { ...orders, ...reuseRule, sgId: "sg-0cache00000000003" }, s)).toEqual({
      ok: false,
      fieldErrors: {
        sgId: [
          "sg-0cache00000000003 is not attached to orders-redis7: choose one of sg-0cache00000000001 or create a new group.",
        ],
      },
    });
    expect(checkStep("network", { ...orders, ...reuseRule, srcGroup: "sg-0stagapp00000001" }, s)).toEqual({
      ok: false,
      fieldErrors: {
        srcGroup: [
          "staging-app (sg-0stagapp00000001) is in vpc-0stag00000000002, not in the cluster's VPC vpc-0prod00000000001.",
        ],
      },
    });
    expect(checkStep("network", { ...orders, ...reuseRule, src: "cidr", cidr: "10.0.5.7/16" }, s)).toEqual({
      ok: true,
      warnings: ["AWS stores 10.0.5.7/16 as 10.0.0.0/16."],
    });
    expect(checkStep("network", { ...orders, ...reuseRule, sg: "new", sgName: "cache-prod" }, s)).toEqual({
      ok: false,
      fieldErrors: {
        sgName: ["The VPC already has a security group named cache-prod (sg-0cache00000000001)."],
      },
    });
  });

  it("checks the parameter group answer: a taken name, a reuse without noeviction, an unconfirmed shared edit", () => {
    const s = seedUsEast1();
    const base = { ...orders, ...reuseRule };
    expect(
      checkStep("parameter-group", { ...base, pg: "create", pgName: "bullmq-redis7-noeviction" }, s),
    ).toEqual({ ok: true, warnings: [] });
    expect(checkStep("parameter-group", { ...base, pg: "create", pgName: "secure-noeviction" }, s)).toEqual({
      ok: false,
      fieldErrors: {
        pgName: [
          "A parameter group named secure-noeviction already exists: choose another name or reuse it.",
        ],
      },
    });
    const sessions = { ...base, id: "sessions-redis62", pg: "edit-shared", pgName: "shared-lru-redis6" };
    expect(checkStep("parameter-group", sessions, s)).toEqual({
      ok: false,
      fieldErrors: {
        confirm: ["Editing shared-lru-redis6 also changes cache-redis62: name every one of them to confirm."],
      },
    });
    expect(checkStep("parameter-group", { ...sessions, confirm: ["cache-redis62"] }, s)).toEqual({
      ok: true,
      warnings: ["Editing shared-lru-redis6 changes cache-redis62 as well, at once."],
    });
  });

  it("computes the whole plan at step 4 and passes its warnings on", () => {
    const all = {
      ...orders,
      ...reuseRule,
      src: "anywhere",
      ack: "yes",
      pg: "create",
      pgName: "bullmq-redis7-noeviction",
    };
    const result = checkStep("modification", all, seedUsEast1());
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings[0]).toMatch(/^0\.0\.0\.0\/0 lets every address/);
    expect(checkStep("modification", { ...orders, ...reuseRule }, seedUsEast1())).toEqual({
      ok: false,
      fieldErrors: { _form: ["The parameter-group step needs an answer first."] },
    });
  });
});

describe("a busy cluster is refused at step 1 (issue 9 item 16)", () => {
  it("busy-redis7 (modifying): refused at the target step, saying why, and not offered in the list", async () => {
    const { targetOptions } = await import("@/lib/core/plan");
    const why =
      "busy-redis7 is modifying: AWS accepts no change until it is available again. Choose it once the status page shows it available.";
    expect(checkStep("target", { ...orders, id: "busy-redis7" }, seedUsEast1())).toEqual({
      ok: false,
      fieldErrors: { id: [why] },
    });
    const row = targetOptions(seedUsEast1()).clusters.find((c) => c.id === "busy-redis7")!;
    expect(row).toMatchObject({ busyReason: why, busy: true, readiness: "needs-changes" });
  });
});
