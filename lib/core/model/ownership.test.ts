import { describe, expect, it } from "vitest";
import { ownerLabel, ownerOf, type OwnershipReads } from "./ownership";

const denied = {
  code: "access-denied" as const,
  message:
    "QueueReady needs the IAM permission cloudformation:ListStacks in us-east-1. Ask your AWS admin to grant it.",
  operation: "ListStacks",
  iamAction: "cloudformation:ListStacks",
  retryable: false,
};

function reads(over: Partial<OwnershipReads> = {}): OwnershipReads {
  return {
    stacks: {
      ok: true,
      value: [
        {
          stackName: "orders-cache",
          logicalId: "OrdersReplicationGroup",
          physicalId: "orders-redis7",
          type: "AWS::ElastiCache::ReplicationGroup",
        },
        {
          stackName: "secure-cache",
          logicalId: "SecureParameterGroup",
          physicalId: "secure-noeviction",
          type: "AWS::ElastiCache::ParameterGroup",
        },
      ],
    },
    terraform: {
      stateFiles: ["prod.tfstate"],
      resources: [
        {
          address: "module.queue.aws_elasticache_replication_group.main",
          type: "aws_elasticache_replication_group",
          id: "jobs-valkey8",
          accountId: "123456789012",
          region: "us-east-1",
          stateFile: "prod.tfstate",
        },
      ],
      problems: [],
      warnings: [],
    },
    ...over,
  };
}

describe("ownerOf", () => {
  it("names the stack and logical id of a CloudFormation resource, by kind and physical id", () => {
    expect(ownerOf(reads(), { kind: "replication-group", id: "orders-redis7" }, "us-east-1")).toEqual({
      tool: "cloudformation",
      stack: "orders-cache",
      logicalId: "OrdersReplicationGroup",
      evidence:
        "ListStackResources orders-cache (us-east-1): OrdersReplicationGroup is AWS::ElastiCache::ReplicationGroup orders-redis7",
    });
    // The same id as another kind is not the same resource; group names compare in lower case.
    expect(ownerOf(reads(), { kind: "cache-cluster", id: "orders-redis7" }, "us-east-1")).toBeNull();
    expect(ownerOf(reads(), { kind: "parameter-group", id: "Secure-NoEviction" }, "us-east-1")?.stack).toBe(
      "secure-cache",
    );
  });

  it("names the Terraform address and state file", () => {
    const owner = ownerOf(reads(), { kind: "replication-group", id: "jobs-valkey8" }, "us-east-1");
    expect(owner).toMatchObject({
      tool: "terraform",
      address: "module.queue.aws_elasticache_replication_group.main",
      stateFile: "prod.tfstate",
    });
    expect(ownerLabel(owner)).toBe("terraform module.queue.aws_elasticache_replication_group.main");
  });

  it("reads a security group's CloudFormation tags, and 'Managed by Terraform' with the address unknown", () => {
    const tags = { "aws:cloudformation:stack-name": "net", "aws:cloudformation:logical-id": "CacheSg" };
    expect(ownerOf(reads(), { kind: "security-group", id: "sg-1", tags }, "us-east-1")).toMatchObject({
      tool: "cloudformation",
      stack: "net",
      logicalId: "CacheSg",
    });
    const tf = ownerOf(
      reads(),
      { kind: "parameter-group", id: "bullmq", description: "Managed by Terraform" },
      "us-east-1",
    );
    expect(tf).toMatchObject({ tool: "terraform" });
    expect(tf?.address).toBeUndefined();
    expect(ownerLabel(tf)).toBe("terraform (address unknown)");
  });

  it("is unknown with the reason, never null, when the stacks or a state file could not be read", () => {
    const noStacks = reads({ stacks: { ok: false, problem: denied } });
    const owner = ownerOf(noStacks, { kind: "replication-group", id: "orders-redis7" }, "us-east-1");
    expect(owner).toEqual({
      tool: "unknown",
      evidence: `CloudFormation could not be read: ${denied.message}`,
    });
    // What other sources tell still stands.
    expect(ownerOf(noStacks, { kind: "replication-group", id: "jobs-valkey8" }, "us-east-1")?.tool).toBe(
      "terraform",
    );
    const badFile = reads();
    badFile.terraform.problems = ["Terraform state x.tfstate is not JSON (Unexpected token)."];
    expect(ownerOf(badFile, { kind: "replication-group", id: "other" }, "us-east-1")).toEqual({
      tool: "unknown",
      evidence: "Terraform state x.tfstate is not JSON (Unexpected token).",
    });
    expect(ownerOf(reads(), { kind: "replication-group", id: "other" }, "us-east-1")).toBeNull();
    expect(ownerOf(undefined, { kind: "replication-group", id: "other" }, "us-east-1")).toBeNull();
  });
});
