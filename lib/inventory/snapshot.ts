import type {
  AwsProblem,
  CacheCluster,
  CacheParameter,
  CacheParameterGroup,
  CacheSubnetGroup,
  ReplicationGroup,
  SecurityGroup,
  ServerlessCache,
  Vpc,
} from "@/lib/aws/types";

/** A read that either gave a value or failed with a problem a person can act on. */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; problem: AwsProblem };

/**
 * Everything read live from one region, the input of the readiness rules and of the planner.
 * Each read may have failed on its own: rules that need a failed read answer "unknown", never a guess.
 */
export interface RegionSnapshot {
  region: string;
  /** ISO time the reads started. */
  readAt: string;
  replicationGroups: ReadResult<ReplicationGroup[]>;
  /** With node info (`ShowCacheNodeInfo`): members of replication groups and standalone clusters. */
  cacheClusters: ReadResult<CacheCluster[]>;
  serverlessCaches: ReadResult<ServerlessCache[]>;
  /** The parameter groups attached to any cluster (at least), with their family. */
  parameterGroups: ReadResult<CacheParameterGroup[]>;
  /**
   * Parameters (read without `Source`, all pages) by group name: each distinct attached custom group.
   * `default.*` groups may be absent: nobody can modify them, so their values are the family defaults.
   */
  parameters: Record<string, ReadResult<CacheParameter[]>>;
  subnetGroups: ReadResult<CacheSubnetGroup[]>;
  /** The security groups attached to any cluster, with their inbound rules. */
  securityGroups: ReadResult<SecurityGroup[]>;
  vpcs: ReadResult<Vpc[]>;
}

/** What the audit targets: one row of the status page. */
export type TargetRef =
  | { kind: "replication-group"; region: string; id: string }
  | { kind: "cache-cluster"; region: string; id: string }
  | { kind: "serverless"; region: string; id: string };
