/**
 * Amazon MemoryDB state of one account and region. MemoryDB is a service of its own (API `memorydb`
 * 2021-01-01), so its clusters, parameter groups, subnet groups and ACLs live apart from ElastiCache's;
 * only the VPC side (security groups, subnets) is shared with EC2, as on AWS.
 */
import { defaultGroupName, MEMORYDB_FAMILIES } from "./families";
import type { RegionState, SecurityGroupMembershipState, Tag } from "@/tools/sandbox/model/state";

export type MemoryDbEngine = "redis" | "valkey";

export interface MemoryDbParameterGroupState {
  name: string;
  family: string;
  description: string;
  isDefault: boolean;
  /** Values set through UpdateParameterGroup; everything else is the family default. */
  user: Record<string, string>;
}

export interface MemoryDbClusterState {
  name: string;
  description: string;
  /** `available`, `updating` while a change applies, `creating`, `deleting`. */
  status: string;
  engine: MemoryDbEngine;
  /** Major.minor as the API reports it (`7.1`); the patch level is `enginePatchVersion`. */
  engineVersion: string;
  enginePatchVersion: string;
  nodeType: string;
  port: number;
  parameterGroup: string;
  /** `in-sync` once the cluster runs its group's values, `applying` while a change reaches the nodes. */
  parameterGroupStatus: string;
  securityGroups: SecurityGroupMembershipState[];
  subnetGroup: string;
  tls: boolean;
  aclName: string;
  numShards: number;
  /** Replicas per shard: each shard has one primary plus this many replicas. */
  replicasPerShard: number;
  createdAt: number;
  /** When set, the pending change completes once the clock passes it. */
  settleAt?: number;
}

export interface MemoryDbSubnetGroupState {
  name: string;
  description: string;
  vpcId: string;
  subnetIds: string[];
}

export interface MemoryDbAclState {
  name: string;
  userNames: string[];
}

export interface MemoryDbEventState {
  sourceName: string;
  sourceType: "node" | "parameter-group" | "subnet-group" | "cluster" | "user" | "acl";
  message: string;
  date: number;
}

export interface MemoryDbState {
  clusters: MemoryDbClusterState[];
  parameterGroups: MemoryDbParameterGroupState[];
  subnetGroups: MemoryDbSubnetGroupState[];
  acls: MemoryDbAclState[];
  events: MemoryDbEventState[];
  /** Tags by resource ARN. */
  tags: Record<string, Tag[]>;
}

/**
 * A region's MemoryDB before anyone used it: AWS provides a default group per family and the
 * `open-access` ACL (the `default` user, no password) in every region.
 */
export function emptyMemoryDb(): MemoryDbState {
  return {
    clusters: [],
    parameterGroups: MEMORYDB_FAMILIES.map((f) => ({
      name: defaultGroupName(f.family),
      family: f.family,
      description: `Default parameter group for ${f.family}`,
      isDefault: true,
      user: {},
    })),
    subnetGroups: [],
    acls: [{ name: "open-access", userNames: ["default"] }],
    events: [],
    tags: {},
  };
}

/** The region's MemoryDB state, created on first use (state files written before MemoryDB have none). */
export function memoryDbOf(region: RegionState): MemoryDbState {
  region.memorydb ??= emptyMemoryDb();
  return region.memorydb;
}

/** ARNs as MemoryDB forms them: `arn:aws:memorydb:<region>:<account>:<kind>/<name>`. */
export function memoryDbArn(region: RegionState, kind: string, name: string): string {
  return `arn:aws:memorydb:${region.region}:${region.accountId}:${kind}/${name}`;
}
