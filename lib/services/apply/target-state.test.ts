import { describe, expect, it } from "vitest";
import type { CacheCluster } from "@/lib/core/model/resources";
import { convergence } from "./target-state";

const node = (id: string, applyStatus: string, sgStatus: string): CacheCluster =>
  ({
    id,
    status: "available",
    parameterGroup: { name: "bullmq-redis7-noeviction", applyStatus, nodeIdsToReboot: [] },
    securityGroups: [{ id: "sg-0cache00000000001", status: sgStatus }],
  }) as unknown as CacheCluster;

const want = { parameterGroupName: "bullmq-redis7-noeviction", securityGroupIds: ["sg-0cache00000000001"] };

describe("what a converging apply says it waits for", () => {
  it("names each condition once with its nodes, not the node list again per condition", () => {
    const state = {
      status: "modifying",
      members: [node("orders-001", "applying", "adding"), node("orders-002", "applying", "adding")],
    };
    expect(convergence(state, want)).toEqual({
      done: false,
      waitingFor: [
        "the cluster is modifying",
        "bullmq-redis7-noeviction applying (all 2 nodes)",
        "sg-0cache00000000001 adding (all 2 nodes)",
      ],
    });
  });

  it("names the nodes when only some are behind", () => {
    const state = {
      status: "available",
      members: [
        node("orders-001", "in-sync", "active"),
        node("orders-002", "applying", "active"),
        node("orders-003", "applying", "active"),
      ],
    };
    expect(convergence(state, want)).toEqual({
      done: false,
      waitingFor: ["bullmq-redis7-noeviction applying (orders-002, orders-003)"],
    });
    const done = { status: "available", members: [node("orders-001", "in-sync", "active")] };
    expect(convergence(done, want)).toEqual({ done: true });
  });
});
