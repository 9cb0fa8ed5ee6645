import { describe, expect, it } from "vitest";
import { listSecurityGroupRules, listSecurityGroups, listVpcs } from "./reads";
import { sandboxPerFile } from "@/tools/testing/int-harness";

const h = sandboxPerFile();

describe("EC2 reads against the seeded sandbox", () => {
  it("lists VPCs with their CIDRs and Name tags, by id too", async () => {
    const { ctx } = h.context();
    const vpcs = await listVpcs(ctx);
    expect(vpcs.map((v) => [v.id, v.name ?? null, v.cidrBlocks, v.isDefault]).sort()).toEqual([
      ["vpc-0dflt00000000003", null, ["172.31.0.0/16"], true],
      ["vpc-0prod00000000001", "prod", ["10.0.0.0/16"], false],
      ["vpc-0stag00000000002", "staging", ["10.1.0.0/16"], false],
    ]);
    expect(
      (await listVpcs(ctx, { ids: ["vpc-0stag00000000002", "vpc-missing0000000"] })).map((v) => v.id),
    ).toEqual(["vpc-0stag00000000002"]);
    expect(await listVpcs(ctx, { ids: [] })).toEqual([]);
  });

  it("flattens security group rules, by id and by VPC", async () => {
    const { ctx } = h.context();
    const groups = await listSecurityGroups(ctx, {
      ids: ["sg-0cache00000000001", "sg-0cache00000000002", "sg-0cache00000000003"],
    });
    const byId = Object.fromEntries(groups.map((g) => [g.id, g]));
    expect(byId["sg-0cache00000000001"]).toMatchObject({
      name: "cache-prod",
      vpcId: "vpc-0prod00000000001",
      ingress: [
        {
          protocol: "tcp",
          fromPort: 6379,
          toPort: 6379,
          source: { kind: "security-group", groupId: "sg-0app000000000001" },
        },
      ],
    });
    expect(byId["sg-0cache00000000002"]!.ingress).toMatchObject([
      { protocol: "tcp", fromPort: 6379, toPort: 6379, source: { kind: "cidr", cidr: "0.0.0.0/0" } },
    ]);
    expect(byId["sg-0cache00000000003"]!.ingress).toMatchObject([
      { protocol: "tcp", fromPort: 22, toPort: 22, source: { kind: "cidr", cidr: "10.0.0.0/16" } },
    ]);
    const staging = await listSecurityGroups(ctx, { vpcId: "vpc-0stag00000000002" });
    expect(staging.map((g) => g.name).sort()).toEqual(["cache-staging", "default", "staging-app"]);
  });

  it("reads inbound rules with their rule ids, ingress only", async () => {
    const rules = await listSecurityGroupRules(h.context().ctx, [
      "sg-0cache00000000001",
      "sg-0stagcache000001",
    ]);
    expect(rules.map((r) => [r.groupId, r.protocol, r.fromPort, r.source]).sort()).toEqual([
      [
        "sg-0cache00000000001",
        "tcp",
        6379,
        { kind: "security-group", groupId: "sg-0app000000000001", ownerId: "123456789012" },
      ],
      ["sg-0stagcache000001", "tcp", 6379, { kind: "cidr", cidr: "10.1.0.0/16" }],
    ]);
    expect(rules.every((r) => r.ruleId.startsWith("sgr-"))).toBe(true);
  });

  it("batches more than 200 ids into several concurrent requests", async () => {
    const { ctx, requests } = h.context();
    const ids = [
      ...Array.from({ length: 450 }, (_, i) => `sg-0missing${String(i).padStart(8, "0")}`),
      "sg-0app000000000001",
    ];
    const groups = await listSecurityGroups(ctx, { ids });
    expect(groups.map((g) => g.id)).toEqual(["sg-0app000000000001"]);
    expect(requests.DescribeSecurityGroups).toBe(3);
  });
});
