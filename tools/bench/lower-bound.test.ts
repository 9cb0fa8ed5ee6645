import { describe, expect, it } from "vitest";
import { lowerBound, pages, regionBound, type RegionFleetShape } from "./lower-bound";

const shape = (over: Partial<RegionFleetShape>): RegionFleetShape => ({
  region: "us-east-1",
  replicationGroups: 0,
  cacheClusters: 0,
  serverlessCaches: 0,
  subnetGroups: 1,
  vpcs: 1,
  attachedGroupPolicyPages: [],
  securityGroupIds: 0,
  ...over,
});

describe("pages", () => {
  it.each([
    [0, 100, 1],
    [1, 100, 1],
    [100, 100, 1],
    [101, 100, 2],
    [2000, 100, 20],
    [1001, 1000, 2],
  ])("%i items in pages of %i take %i calls", (n, size, expected) => {
    expect(pages(n, size)).toBe(expected);
  });
});

describe("regionBound", () => {
  it("adds the policy pages of the slowest attached group after the cluster pages", () => {
    const bound = regionBound(
      shape({
        cacheClusters: 950,
        replicationGroups: 400,
        attachedGroupPolicyPages: [1, 3, 1],
        securityGroupIds: 6,
      }),
    );
    expect(bound).toEqual({
      region: "us-east-1",
      rounds: 10 + 3,
      path: "DescribeCacheClusters 10 pages + DescribeCacheParameters 3 pages",
    });
  });

  it("counts one round for security groups when no group has parameters to page", () => {
    expect(regionBound(shape({ cacheClusters: 150, securityGroupIds: 3 }))).toEqual({
      region: "us-east-1",
      rounds: 3,
      path: "DescribeCacheClusters 2 pages + DescribeSecurityGroups 1 round",
    });
  });

  it("lets a longer independent list win, e.g. many serverless caches", () => {
    expect(
      regionBound(shape({ cacheClusters: 10, serverlessCaches: 375, attachedGroupPolicyPages: [2] })),
    ).toEqual({
      region: "us-east-1",
      rounds: 8,
      path: "DescribeServerlessCaches 8 pages",
    });
  });

  it("is one round for an empty region", () => {
    expect(regionBound(shape({})).rounds).toBe(1);
  });
});

describe("lowerBound", () => {
  it("takes the slowest region, since regions are read in parallel, times the latency", () => {
    const bound = lowerBound(
      [
        shape({
          region: "us-east-1",
          cacheClusters: 1700,
          attachedGroupPolicyPages: [2],
          securityGroupIds: 30,
        }),
        shape({
          region: "eu-west-1",
          cacheClusters: 800,
          attachedGroupPolicyPages: [2],
          securityGroupIds: 30,
        }),
      ],
      40,
    );
    expect(bound.rounds).toBe(19);
    expect(bound.ms).toBe(760);
    expect(bound.regions.map((r) => [r.region, r.rounds])).toEqual([
      ["us-east-1", 19],
      ["eu-west-1", 10],
    ]);
  });
});
