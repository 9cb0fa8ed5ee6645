import { describe, expect, it } from "vitest";
import { networkChoiceSchema, wizardChoicesSchema, zodFieldErrors } from "./choices";
import { suggestions } from "./suggestions";
import { targetOptions } from "./target-options";
import { targetOf } from "@/tools/testing/plan-helpers";
import { validateNetwork } from "./validate-network";
import { WHOLE_INTERNET_ERROR } from "./source-exposure";
import { validateParameterGroup } from "./validate-parameter-group";
import { validateTarget } from "./validate-target";
import { seedUsEast1 } from "@/tools/testing/fixtures";

const snap = seedUsEast1();
const orders = targetOf("orders-redis7");
const errorsOf = (v: { ok: boolean; fieldErrors?: Record<string, string[]> }) => (v.ok ? {} : v.fieldErrors);

describe("choice schemas", () => {
  it("needs an explicit acknowledgement for anywhere, and a well-formed group id", () => {
    const bad = networkChoiceSchema.safeParse({
      securityGroup: { mode: "existing", groupId: "cache-prod" },
      source: { kind: "anywhere", acknowledged: false },
    });
    expect(bad.success).toBe(false);
    expect(zodFieldErrors(bad.error!)).toEqual({
      "securityGroup.groupId": ["A security group id looks like sg-0123456789abcdef0."],
      "source.acknowledged": ["Opening the port to 0.0.0.0/0 needs an explicit acknowledgement."],
    });
    const ok = wizardChoicesSchema.safeParse({
      target: orders,
      network: {
        securityGroup: { mode: "existing", groupId: "sg-0cache00000000001" },
        source: { kind: "cidr", cidr: " 10.0.0.0/16 " },
      },
      parameterGroup: { mode: "create", name: "x" },
    });
    expect(ok.success && ok.data.network.source).toEqual({ kind: "cidr", cidr: "10.0.0.0/16" });
  });
});

describe("targetOptions", () => {
  it("lists every seeded cluster with whether it can be chosen, and counts clusters per VPC", () => {
    const options = targetOptions(snap);
    const row = (id: string) => options.clusters.find((c) => c.id === id)!;
    // The twelve ElastiCache targets (serverless included) and the three MemoryDB clusters.
    expect(options.clusters).toHaveLength(15);
    expect(options.clusters.filter((c) => !c.selectable).map((c) => c.id)).toEqual([
      "ancient-redis4",
      "serverless-queue",
      "sessions-memcached",
    ]);
    expect(row("sessions-memcached").reason).toBe(
      "sessions-memcached runs Memcached: BullMQ needs Redis OSS or Valkey.",
    );
    expect(options.clusters.filter((c) => c.readiness === "ready").map((c) => c.id)).toEqual([
      "jobs-valkey8",
      "prod-memdb-default",
      "prod-memdb-valkey",
      "secure-redis7",
    ]);
    // The same two problems the wizard fixes, in the readiness rules' words: they decide, the planner plans.
    expect(row("events-cluster").details).toEqual([
      "Default parameter group default.redis7.cluster.on attached: maxmemory-policy is volatile-lru",
      "No inbound rule on port 6379",
    ]);
    expect(row("busy-redis7").busy).toBe(true);
    expect(options.vpcs.map((v) => [v.name ?? v.id, v.clusterCount])).toEqual([
      ["prod", 13],
      ["staging", 2],
      ["vpc-0dflt00000000003", 0],
    ]);
  });
});

describe("validateTarget / validateNetwork / validateParameterGroup", () => {
  it("rejects unknown and non-fixable targets", () => {
    expect(errorsOf(validateTarget(snap, targetOf("nope")))).toEqual({
      id: ["No replication group named nope in us-east-1."],
    });
    expect(
      errorsOf(validateTarget(snap, targetOf("orders-redis7-001".replace("orders", "standalone")))),
    ).toEqual({ id: ["No cache cluster named standalone-redis7-001 in us-east-1."] });
  });

  it("checks the security group, the source's VPC and the CIDR", () => {
    const net = (securityGroup: object, source: object) =>
      errorsOf(validateNetwork(snap, orders, { securityGroup, source } as never));
    expect(
      net(
        { mode: "existing", groupId: "sg-0cache00000000003" },
        { kind: "security-group", groupId: "sg-0app000000000001" },
      ),
    ).toEqual({
      "securityGroup.groupId": [
        "sg-0cache00000000003 is not attached to orders-redis7: choose one of sg-0cache00000000001 or create a new group.",
      ],
    });
    expect(
      net(
        { mode: "existing", groupId: "sg-0cache00000000001" },
        { kind: "security-group", groupId: "sg-0stagapp00000001" },
      ),
    ).toEqual({
      "source.groupId": [
        "staging-app (sg-0stagapp00000001) is in vpc-0stag00000000002, not in the cluster's VPC vpc-0prod00000000001.",
      ],
    });
    expect(net({ mode: "new", name: "Cache-Prod" }, { kind: "cidr", cidr: "10.0.0.300/16" })).toEqual({
      "securityGroup.name": ["The VPC already has a security group named cache-prod (sg-0cache00000000001)."],
      "source.cidr": ['"10.0.0.300" is not an IPv4 or IPv6 address.'],
    });
    expect(
      net({ mode: "existing", groupId: "sg-0cache00000000001" }, { kind: "cidr", cidr: "0.0.0.0/0" }),
    ).toEqual({
      "source.cidr": [WHOLE_INTERNET_ERROR],
    });
  });

  it("judges a CIDR by the address space it covers, not by a /0 prefix (issue 9 item 6)", () => {
    const check = (cidr: string) =>
      validateNetwork(
        snap,
        orders,
        networkChoiceSchema.parse({
          securityGroup: { mode: "existing", groupId: "sg-0cache00000000001" },
          source: { kind: "cidr", cidr },
        }),
      );
    for (const cidr of ["::/1", "::ffff:0.0.0.0/96", "2000::/3"])
      expect(errorsOf(check(cidr)), cidr).toEqual({ "source.cidr": [WHOLE_INTERNET_ERROR] });
    const half = check("128.0.0.0/1");
    expect(half.ok && half.warnings.join(" ")).toMatch(/128\.0\.0\.0\/1 reaches public internet addresses/);
    const vpc = check("10.0.0.0/16");
    expect(vpc.ok && vpc.warnings).toEqual([]);
  });

  it("checks names, families, values and the other users of a group", () => {
    const pg = (p: object, t = orders) => errorsOf(validateParameterGroup(snap, t, p as never));
    expect(pg({ mode: "create", name: "Secure-NoEviction" })).toEqual({
      name: ["A parameter group named secure-noeviction already exists: choose another name or reuse it."],
    });
    expect(pg({ mode: "create", name: "bullmq--x" })).toEqual({
      name: ["The name cannot contain two consecutive hyphens."],
    });
    expect(pg({ mode: "reuse", name: "bullmq-valkey8" })).toEqual({
      name: ["bullmq-valkey8 is of family valkey8; orders-redis7 needs a group of family redis7."],
    });
    expect(pg({ mode: "reuse", name: "default.redis7" })).toEqual({
      name: ["default.redis7 is a default group: AWS refuses to modify it, and it evicts keys."],
    });
    expect(pg({ mode: "reuse", name: "secure-noeviction" }, targetOf("events-cluster"))).toEqual({
      name: ["secure-noeviction has cluster-enabled=no, but events-cluster runs in cluster mode."],
    });
    expect(pg({ mode: "reuse", name: "shared-lru-redis6" }, targetOf("sessions-redis62"))).toEqual({
      name: [
        "shared-lru-redis6 has maxmemory-policy=allkeys-lru: only a group that already has noeviction can be reused.",
      ],
    });
    const reuse = validateParameterGroup(snap, orders, { mode: "reuse", name: "secure-noeviction" });
    expect(reuse.ok && reuse.warnings).toEqual([
      "secure-noeviction is also used by secure-redis7: a later edit to it changes them too.",
    ]);
  });
});

describe("suggestions", () => {
  it("pre-fills the app security group and a unique group name", () => {
    const s = suggestions(snap, targetOf("events-cluster"));
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.value.network.equivalentRule).toBeUndefined();
    expect(s.value.network.appGroupCandidates).toEqual([
      {
        id: "sg-0app000000000001",
        name: "orders-api",
        reason: "already allowed into cache-prod (sg-0cache00000000001) on the Redis port",
      },
    ]);
    expect(s.value.network.recommended).toEqual({
      securityGroup: { mode: "existing", groupId: "sg-0cache00000000003" },
      source: { kind: "security-group", groupId: "sg-0app000000000001" },
    });
    expect(s.value.network.newGroupName).toBe("queueready-events-cluster");
    expect(s.value.parameterGroup).toMatchObject({
      suggestedName: "bullmq-redis7-cluster-noeviction",
      setsClusterEnabled: true,
      reusable: [],
    });
    const sessions = suggestions(snap, targetOf("sessions-redis62"));
    expect(sessions.ok && sessions.value.parameterGroup.current).toEqual({
      name: "shared-lru-redis6",
      isDefault: false,
      policy: "allkeys-lru",
      otherUsers: ["cache-redis62"],
    });
    expect(sessions.ok && sessions.value.parameterGroup.suggestedName).toBe("bullmq-redis6-x-noeviction");
    const standalone = suggestions(snap, targetOf("standalone-redis"));
    expect(standalone.ok && standalone.value.network.equivalentRule).toEqual({
      groupId: "sg-0stagcache000001",
      rule: "tcp 6379 from 10.1.0.0/16",
      source: { kind: "cidr", cidr: "10.1.0.0/16" },
    });
    expect(standalone.ok && standalone.value.network.securityGroupsProblem).toBeUndefined();
  });

  it("says why the groups are missing when the security groups could not be read", () => {
    const problem = { code: "unavailable" as const, message: "AWS did not answer.", retryable: true };
    const s = suggestions({ ...snap, securityGroups: { ok: false, problem } }, targetOf("orders-redis7"));
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.value.network.securityGroupsProblem).toEqual(problem);
    expect(s.value.network.attachedGroups).toEqual([]);
  });
});
