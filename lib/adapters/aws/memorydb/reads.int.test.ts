import { describe, expect, it } from "vitest";
import { AwsError } from "@/lib/adapters/aws/errors";
import {
  listMemoryDbAcls,
  listMemoryDbClusters,
  listMemoryDbParameterGroups,
  listMemoryDbParameters,
  listMemoryDbSubnetGroups,
} from "./reads";
import { sandboxPerFile } from "@/tools/testing/int-harness";

const h = sandboxPerFile();

describe("MemoryDB reads against the seeded sandbox", () => {
  it("lists the seeded clusters with shards, group, security groups, TLS and ACL", async () => {
    const clusters = await listMemoryDbClusters(h.context("us-east-1").ctx);
    expect(clusters.map((c) => c.name)).toEqual([
      "prod-memdb-default",
      "prod-memdb-lru",
      "prod-memdb-valkey",
    ]);
    const lru = clusters[1]!;
    expect(lru).toMatchObject({
      region: "us-east-1",
      status: "available",
      engine: "redis",
      engineVersion: "7.1",
      enginePatchVersion: "7.1.0",
      parameterGroupName: "prod-memdb-lru",
      parameterGroupStatus: "in-sync",
      securityGroups: [{ id: "sg-0cache00000000001", status: "active" }],
      subnetGroupName: "prod-memorydb-subnets",
      tlsEnabled: true,
      aclName: "prod-app-acl",
      endpoint: { address: "clustercfg.prod-memdb-lru.xyz789.memorydb.us-east-1.amazonaws.com", port: 6379 },
      numberOfShards: 2,
    });
    expect(lru.shards.map((s) => s.nodes.length)).toEqual([2, 2]);
    expect(clusters[2]!.engine).toBe("valkey");
  });

  it("reads groups, every parameter, subnet groups, and ACLs", async () => {
    const { ctx } = h.context("us-east-1");
    const groups = await listMemoryDbParameterGroups(ctx);
    expect(groups.find((g) => g.name === "prod-memdb-lru")?.family).toBe("memorydb_redis7");
    const params = await listMemoryDbParameters(ctx, "prod-memdb-lru");
    expect(params.find((p) => p.name === "maxmemory-policy")?.value).toBe("volatile-lru");
    expect(params.length).toBeGreaterThan(30);
    const [subnets] = await listMemoryDbSubnetGroups(ctx);
    expect(subnets).toMatchObject({ name: "prod-memorydb-subnets", vpcId: "vpc-0prod00000000001" });
    expect(subnets!.subnetIds).toHaveLength(3);
    const acls = await listMemoryDbAcls(ctx);
    expect(acls.map((a) => a.name)).toEqual(["open-access", "prod-app-acl"]);
  });

  it("a missing cluster is a not-found AwsError naming the operation", async () => {
    const err = await listMemoryDbClusters(h.context().ctx, { name: "nope" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsError);
    expect((err as AwsError).problem).toMatchObject({ code: "not-found", operation: "DescribeClusters" });
  });
});
