/**
 * CloudFormation stacks for seeded regions. CloudFormation tags none of the ElastiCache resources it creates
 * (they are found through the stack's resources), but EC2 security groups it creates carry the
 * `aws:cloudformation:stack-name`, `logical-id` and `stack-id` tags, so a stack owning a group tags it here.
 */
import { createHash } from "node:crypto";
import type { RegionState, StackResourceState, StackState } from "@/tools/sandbox/model/state";
import { SEED_TIME } from "./cache-builders";

export interface StackResourceSeed {
  logicalId: string;
  type: string;
  physicalId: string;
}

export interface StackSeed {
  name: string;
  description?: string;
  /** Default `CREATE_COMPLETE`; `DELETE_COMPLETE` keeps the stack listed with its deleted resources. */
  status?: string;
  resources: StackResourceSeed[];
  /** Minutes after the seed time the stack was created (deterministic timestamps). */
  createdAfterMinutes?: number;
}

/** A stack id as AWS forms it, with a UUID derived from the account, region and name (stable across resets). */
export function stackArn(region: RegionState, name: string): string {
  const hex = createHash("sha256").update(`${region.accountId}/${region.region}/${name}`).digest("hex");
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return `arn:aws:cloudformation:${region.region}:${region.accountId}:stack/${name}/${uuid}`;
}

export function addStack(region: RegionState, seed: StackSeed): StackState {
  const createdAt = SEED_TIME + (seed.createdAfterMinutes ?? 0) * 60_000;
  const status = seed.status ?? "CREATE_COMPLETE";
  const deleted = status === "DELETE_COMPLETE";
  const id = stackArn(region, seed.name);
  const resources: StackResourceState[] = seed.resources.map((r) => ({
    logicalId: r.logicalId,
    physicalId: r.physicalId,
    type: r.type,
    status: deleted ? "DELETE_COMPLETE" : "CREATE_COMPLETE",
    updatedAt: deleted ? createdAt + 3_600_000 : createdAt + 60_000,
  }));
  const stack: StackState = {
    name: seed.name,
    id,
    description: seed.description,
    status,
    createdAt,
    ...(deleted ? { deletedAt: createdAt + 3_600_000 } : {}),
    tags: [],
    resources,
  };
  (region.stacks ??= []).push(stack);
  if (!deleted) {
    for (const r of seed.resources) {
      if (r.type !== "AWS::EC2::SecurityGroup") continue;
      const group = region.securityGroups.find((g) => g.id === r.physicalId);
      if (!group)
        throw new Error(`Stack ${seed.name}: no security group ${r.physicalId} in ${region.region}.`);
      group.tags.push(
        { key: "aws:cloudformation:logical-id", value: r.logicalId },
        { key: "aws:cloudformation:stack-id", value: id },
        { key: "aws:cloudformation:stack-name", value: seed.name },
      );
    }
  }
  return stack;
}

export const CFN_TYPES = {
  replicationGroup: "AWS::ElastiCache::ReplicationGroup",
  cacheCluster: "AWS::ElastiCache::CacheCluster",
  parameterGroup: "AWS::ElastiCache::ParameterGroup",
  subnetGroup: "AWS::ElastiCache::SubnetGroup",
  securityGroup: "AWS::EC2::SecurityGroup",
} as const;
