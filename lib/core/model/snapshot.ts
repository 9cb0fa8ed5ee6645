import type {
  ReadResult,
  CacheCluster,
  CacheParameter,
  CacheParameterGroup,
  CacheSubnetGroup,
  ReplicationGroup,
  SecurityGroup,
  ServerlessCache,
  Vpc,
} from "./resources";
import type { Scope, TargetRef } from "@/lib/core/identity/identity";
import type { MemoryUse, MetricAlarm } from "./alarms";
import type { OwnershipReads } from "./ownership";
import type { MemoryDbReads } from "./memorydb";

export type { Scope, TargetRef } from "@/lib/core/identity/identity";

export type { ReadResult };

/** What every snapshot holds; each read may have failed on its own (rules then answer "unknown"). */
interface SnapshotReads {
  scope: Scope;
  /** `scope.region`, kept at the top because nearly every reader wants it. */
  region: string;
  /** ISO time the reads started. */
  readAt: string;
  replicationGroups: ReadResult<ReplicationGroup[]>;
  /** With node info (`ShowCacheNodeInfo`): members of replication groups and standalone clusters. */
  cacheClusters: ReadResult<CacheCluster[]>;
  serverlessCaches: ReadResult<ServerlessCache[]>;
  /** Every parameter group of the region, with its family (the planner avoids taken names). */
  parameterGroups: ReadResult<CacheParameterGroup[]>;
  /**
   * Parameters by group name. A focused snapshot reads every parameter (no `Source`, all pages). A region
   * snapshot reads what its rules need, the policy: the user-changed rows when they hold `maxmemory-policy`,
   * else every parameter; a parameter without a row holds the family default either way (parameters.ts).
   * `default.*` groups are never read: nobody can modify them, so their values are the family defaults.
   */
  parameters: Record<string, ReadResult<CacheParameter[]>>;
  subnetGroups: ReadResult<CacheSubnetGroup[]>;
  securityGroups: ReadResult<SecurityGroup[]>;
  vpcs: ReadResult<Vpc[]>;
  /** Amazon MemoryDB in the same account and region; absent where nobody read it (a hand-built snapshot). */
  memorydb?: MemoryDbReads;
  /**
   * Who owns what: the account-region's CloudFormation stack resources and its Terraform state resources.
   * Absent where nobody read them (a hand-built snapshot): owners are then not told (null).
   */
  owners?: OwnershipReads;
  /**
   * The account-region's ElastiCache alarms and its clusters' memory use (CloudWatch). Absent where nobody
   * read them (a hand-built snapshot): the memory-alarm rule then says nothing.
   */
  cloudwatch?: CloudWatchSnapshot;
}

export interface CloudWatchSnapshot {
  alarms: ReadResult<MetricAlarm[]>;
  /** Per cache cluster read (a focused snapshot reads the target's members only). */
  memory: ReadResult<MemoryUse[]>;
}

/**
 * A whole region (the status page, the audit, the wizard's cluster list): every list complete, the
 * parameters of every attached custom group, the security groups attached to any cluster.
 */
export interface RegionSnapshot extends SnapshotReads {
  coverage: "region";
}

/**
 * One target and what it references (the wizard's steps, the preview, apply's re-check and closing check):
 * the cluster lists are complete (who else shares a group is part of the answer), but parameters are read
 * only for the target's groups and its family's custom groups, subnet groups and VPCs only for the
 * target's, security groups only in its VPC, and serverless caches only when the focus is one. Functions
 * that answer region-wide questions (every target's verdict, the cluster list) take a `RegionSnapshot`,
 * so the compiler refuses a focused one.
 */
export interface FocusedSnapshot extends SnapshotReads {
  coverage: "target";
  focus: TargetRef;
}

/** Either coverage: what per-target readers (the target view, the rules, the planner) accept. */
export type Snapshot = RegionSnapshot | FocusedSnapshot;
