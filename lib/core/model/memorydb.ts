/**
 * The app's own view of Amazon MemoryDB. A MemoryDB cluster carries on itself what ElastiCache spreads
 * over a replication group and its member clusters: engine version, parameter group (with its apply
 * status), security groups, subnet group, TLS and the ACL. It is always cluster mode (hash slots over
 * shards). Parameters, subnet groups and security groups reuse the ElastiCache shapes: they are the same
 * facts (`CacheParameter`, `CacheSubnetGroup`), read through another API.
 */
import type {
  AttachedSecurityGroup,
  CacheParameter,
  CacheSubnetGroup,
  Endpoint,
  ReadResult,
} from "./resources";

export type MemoryDbEngine = "redis" | "valkey";

export interface MemoryDbNode {
  name: string;
  status: string;
  endpoint?: Endpoint;
  availabilityZone?: string;
}

export interface MemoryDbShard {
  name: string;
  status: string;
  /** e.g. `0-8191`. */
  slots?: string;
  nodes: MemoryDbNode[];
}

export interface MemoryDbCluster {
  name: string;
  arn: string;
  region: string;
  description: string;
  /** `available`, `updating`, `creating`, `deleting`, `snapshotting`, ... */
  status: string;
  engine: MemoryDbEngine;
  /** Major.minor, e.g. `7.1`; `enginePatchVersion` is the full one when AWS reports it. */
  engineVersion: string;
  enginePatchVersion?: string;
  nodeType?: string;
  parameterGroupName?: string;
  /** `in-sync` when the cluster runs its group's values; anything else means "not applied yet". */
  parameterGroupStatus?: string;
  securityGroups: AttachedSecurityGroup[];
  subnetGroupName?: string;
  tlsEnabled: boolean;
  /** `open-access` lets the `default` user in without a password. */
  aclName?: string;
  /** The cluster endpoint: the one address a cluster-mode client starts from. */
  endpoint?: Endpoint;
  numberOfShards: number;
  /** Filled when read with `ShowShardDetails`. */
  shards: MemoryDbShard[];
}

export interface MemoryDbParameterGroup {
  name: string;
  /** `memorydb_redis6`, `memorydb_redis7`, `memorydb_valkey7`. */
  family: string;
  description: string;
  arn: string;
  /** Filled only where a caller read them (ListTags): a resumed apply finds its own groups. */
  tags?: Record<string, string>;
}

export interface MemoryDbAcl {
  name: string;
  status: string;
  userNames: string[];
}

/** Everything read about MemoryDB in one account and region (each read may fail on its own). */
export interface MemoryDbReads {
  clusters: ReadResult<MemoryDbCluster[]>;
  parameterGroups: ReadResult<MemoryDbParameterGroup[]>;
  /** Every parameter (MemoryDB has no `Source` filter) of each group a cluster uses, by group name. */
  parameters: Record<string, ReadResult<CacheParameter[]>>;
  subnetGroups: ReadResult<CacheSubnetGroup[]>;
  acls: ReadResult<MemoryDbAcl[]>;
}

/** Every MemoryDB parameter group family. */
export const MEMORYDB_FAMILIES = ["memorydb_redis6", "memorydb_redis7", "memorydb_valkey7"] as const;

/** The family a MemoryDB group needs for an engine version: Redis 6 → memorydb_redis6, 7 → memorydb_redis7, Valkey 7 → memorydb_valkey7. */
export function memoryDbFamilyFor(engine: MemoryDbEngine, engineVersion: string): string | undefined {
  const major = engineVersion.split(".")[0];
  if (engine === "redis" && (major === "6" || major === "7")) return `memorydb_redis${major}`;
  if (engine === "valkey" && major === "7") return "memorydb_valkey7";
  return undefined;
}

/** MemoryDB default groups are `default.memorydb-<engine><major>`: AWS refuses to modify or delete them. */
export function memoryDbDefaultGroup(family: string): string {
  return `default.${family.replace("_", "-")}`;
}
