import { describe, expect, it } from "vitest";
import { AwsError } from "./errors";
import { listCacheClusters, listCacheSubnetGroups, listReplicationGroups } from "./elasticache/reads";
import { listVpcs } from "./ec2/reads";
import { sandboxPerFile } from "@/tools/testing/int-harness";

const h = sandboxPerFile();
const problemOf = (err: unknown) => (err as AwsError).problem;

describe("failures the SDK layer must absorb or explain", () => {
  it("recovers from two throttles in a row through adaptive retry, counting each attempt", async () => {
    const { ctx, requests } = h.context();
    h.sandbox.control.addFault({
      operation: "DescribeReplicationGroups",
      kind: "throttle",
      rate: 1,
      count: 2,
    });
    const groups = await listReplicationGroups(ctx);
    expect(groups).toHaveLength(9);
    expect(requests.DescribeReplicationGroups).toBe(3);
  });

  it("recovers from one 5xx", async () => {
    const { ctx, requests } = h.context();
    h.sandbox.control.addFault({ operation: "DescribeVpcs", kind: "5xx", count: 1 });
    expect((await listVpcs(ctx)).length).toBe(3);
    expect(requests.DescribeVpcs).toBe(2);
  });

  it("gives up on a persistent throttle with a retryable 'throttled' after maxAttempts", async () => {
    const { ctx, requests } = h.context("us-east-1", { maxAttempts: 2 });
    h.sandbox.control.addFault({
      operation: "DescribeCacheSubnetGroups",
      kind: "throttle",
      rate: 1,
      count: 2,
    });
    const err = await listCacheSubnetGroups(ctx).catch((e: unknown) => e);
    expect(problemOf(err)).toMatchObject({
      code: "throttled",
      retryable: true,
      operation: "DescribeCacheSubnetGroups",
    });
    expect(requests.DescribeCacheSubnetGroups).toBe(2);
  });

  it("names the IAM permission to grant when access is denied", async () => {
    const { ctx } = h.context();
    h.sandbox.control.addFault({ operation: "DescribeCacheClusters", kind: "access-denied", count: 1 });
    const err = await listCacheClusters(ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsError);
    expect(problemOf(err)).toMatchObject({
      code: "access-denied",
      iamAction: "elasticache:DescribeCacheClusters",
      retryable: false,
    });
    expect((err as Error).message).toBe(
      "QueueReady needs the IAM permission elasticache:DescribeCacheClusters in us-east-1. Ask your AWS admin to grant it.",
    );
  });

  it("refuses a malformed region before any request is sent", () => {
    expect(() => h.context("moon-base-1")).toThrow(AwsError);
  });

  it("reports a region the endpoint does not serve as unknown-region", async () => {
    const err = await listReplicationGroups(h.context("ap-south-2").ctx).catch((e: unknown) => e);
    expect(problemOf(err)).toMatchObject({ code: "unknown-region", region: "ap-south-2" });
  });
});

describe("paging across a generated fleet", () => {
  const fleet = sandboxPerFile({ seed: { clusters: 250, regions: ["us-east-1"], seed: 7 } });

  it("returns every cache cluster exactly once over several pages", async () => {
    const { ctx, requests } = fleet.context();
    const clusters = await listCacheClusters(ctx);
    const ids = clusters.map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(250);
    expect(new Set(ids).size).toBe(ids.length);
    expect(requests.DescribeCacheClusters).toBe(Math.ceil(ids.length / 100));
    const groups = await listReplicationGroups(ctx);
    const members = new Set(groups.flatMap((g) => g.memberClusterIds));
    expect(clusters.filter((c) => c.replicationGroupId).every((c) => members.has(c.id))).toBe(true);
  });
});
