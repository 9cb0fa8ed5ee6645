import { describe, expect, it } from "vitest";
import type { Owner } from "@/lib/core/model/ownership";
import { ownedWriteLine, ownedWrites, writtenResources } from "./owned-writes";
import type { Plan } from "./types";

const step = (kind: string, operation: string, input: Record<string, unknown>, noopReason?: string) =>
  ({
    id: kind,
    kind,
    operation,
    input,
    ...(noopReason ? { noopReason } : {}),
  }) as unknown as Plan["steps"][number];

const plan = (steps: Plan["steps"]) => ({ steps }) as unknown as Plan;

const stack: Owner = { tool: "cloudformation", stack: "orders-cache", logicalId: "Sg", evidence: "tags" };

describe("owned writes", () => {
  it("lists what the steps write: the target, an existing group, an existing security group; not what they create", () => {
    const p = plan([
      step("create-parameter-group", "CreateCacheParameterGroup", { name: "bullmq-new" }),
      step("modify-parameter-group", "ModifyCacheParameterGroup", { name: "bullmq-new", values: [] }),
      step("authorize-ingress", "AuthorizeSecurityGroupIngress", { groupId: "sg-1" }),
      step("modify-replication-group", "ModifyReplicationGroup", { id: "orders-redis7" }),
    ]);
    expect(writtenResources(p)).toEqual([
      { kind: "security-group", id: "sg-1", operation: "AuthorizeSecurityGroupIngress" },
      { kind: "replication-group", id: "orders-redis7", operation: "ModifyReplicationGroup" },
    ]);
    const edit = plan([
      step("modify-parameter-group", "ModifyCacheParameterGroup", { name: "shared", values: [] }),
      step("authorize-ingress", "AuthorizeSecurityGroupIngress", {
        groupId: { ref: "create-security-group" },
      }),
      step("modify-cache-cluster", "ModifyCacheCluster", { id: "solo" }, "already on the group"),
    ]);
    expect(writtenResources(edit)).toEqual([
      { kind: "parameter-group", id: "shared", operation: "ModifyCacheParameterGroup" },
    ]);
    const memoryDb = plan([
      step("create-memorydb-parameter-group", "CreateParameterGroup", {
        name: "bullmq-memorydb-redis7-noeviction",
      }),
      step("update-memorydb-parameter-group", "UpdateParameterGroup", {
        name: "bullmq-memorydb-redis7-noeviction",
      }),
      step("update-memorydb-parameter-group", "UpdateParameterGroup", { name: "their-group" }),
      step("update-memorydb-cluster", "UpdateCluster", { name: "prod-memdb-lru" }),
    ]);
    expect(writtenResources(memoryDb)).toEqual([
      { kind: "memorydb-parameter-group", id: "their-group", operation: "UpdateParameterGroup" },
      { kind: "memorydb-cluster", id: "prod-memdb-lru", operation: "UpdateCluster" },
    ]);
  });

  it("keeps the writes someone owns (unknown is not a refusal) and says who in one line", () => {
    const p = plan([
      step("authorize-ingress", "AuthorizeSecurityGroupIngress", { groupId: "sg-1" }),
      step("modify-replication-group", "ModifyReplicationGroup", { id: "orders-redis7" }),
    ]);
    const owned = ownedWrites(p, (kind) =>
      kind === "security-group" ? stack : { tool: "unknown", evidence: "no cloudformation:ListStacks" },
    );
    expect(owned).toEqual([
      { kind: "security-group", id: "sg-1", operation: "AuthorizeSecurityGroupIngress", owner: stack },
    ]);
    expect(ownedWriteLine(owned[0]!)).toBe(
      "security-group sg-1 (AuthorizeSecurityGroupIngress) is owned by CloudFormation stack orders-cache (Sg): change it there, or its next deploy reverts this.",
    );
    expect(
      ownedWriteLine({
        kind: "parameter-group",
        id: "g",
        operation: "ModifyCacheParameterGroup",
        owner: { tool: "terraform", evidence: "Managed by Terraform" },
      }),
    ).toContain("is owned by Terraform (address unknown)");
  });
});
