import { describe, expect, it } from "vitest";
import { refOf, sameTarget, scopeKey, targetKey, targetRefSchema, type TargetRef } from "./identity";

const orders: TargetRef = {
  accountId: "123456789012",
  region: "us-east-1",
  kind: "replication-group",
  id: "orders",
};

describe("target identity", () => {
  it("keys a target by account, region, kind and id, stably", () => {
    expect(targetKey(orders)).toBe("123456789012/us-east-1/replication-group/orders");
    expect(
      targetKey({ id: "orders", kind: "replication-group", region: "us-east-1", accountId: "123456789012" }),
    ).toBe(targetKey(orders));
    expect(scopeKey(orders)).toBe("123456789012/us-east-1");
  });

  it("tells apart the same cluster name in two accounts, regions or kinds", () => {
    const others = [
      { ...orders, accountId: "210987654321" },
      { ...orders, region: "eu-west-1" },
      { ...orders, kind: "cache-cluster" as const },
    ];
    for (const other of others) expect(sameTarget(orders, other)).toBe(false);
    expect(new Set([orders, ...others].map(targetKey)).size).toBe(4);
  });

  it("keeps only the identity fields of a richer object", () => {
    expect(refOf({ ...orders, engine: "redis", port: 6379 } as TargetRef)).toEqual(orders);
  });

  it("validates each part: a 12-digit account, a region name, a known kind, an id", () => {
    expect(targetRefSchema.safeParse(orders).success).toBe(true);
    for (const bad of [
      { ...orders, accountId: "12345" },
      { ...orders, region: "moon" },
      { ...orders, kind: "memorydb" },
      { ...orders, id: "" },
    ])
      expect(targetRefSchema.safeParse(bad).success).toBe(false);
  });
});
