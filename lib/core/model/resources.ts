/**
 * The app's own view of ElastiCache and EC2 resources.
 *
 * Only `lib/adapters/aws` knows the SDK's shapes; it reshapes every answer into these types, so the rest of the
 * app (readiness rules, planner, pages) never sees an `@aws-sdk/*` type. Optional AWS fields that the
 * product relies on are normalised here (lists default to `[]`, booleans to `false`).
 */

export type Engine = "redis" | "valkey" | "memcached";

/** A host and port, as in `ConfigurationEndpoint`, `PrimaryEndpoint` or a node's `Endpoint`. */
export interface Endpoint {
  address: string;
  port: number;
}

/** One entry of a `PendingModifiedValues` structure, flattened: e.g. `{ field: "EngineVersion", value: "7.1" }`. */
export interface PendingChange {
  field: string;
  value: string;
}

export interface NodeGroupMember {
  cacheClusterId: string;
  cacheNodeId: string;
  /** `primary` | `replica` (cluster mode disabled only). */
  role?: string;
  readEndpoint?: Endpoint;
}

export interface NodeGroup {
  id: string;
  status: string;
  primaryEndpoint?: Endpoint;
  readerEndpoint?: Endpoint;
  members: NodeGroupMember[];
}

/**
 * A replication group: what the console calls a Redis OSS / Valkey "cluster". It has no engine version,
 * parameter group, security groups or subnet group: those live on its member cache clusters.
 */
export interface ReplicationGroup {
  id: string;
  arn: string;
  region: string;
  description: string;
  /** creating | available | modifying | deleting | create-failed | snapshotting */
  status: string;
  /** `Engine` as AWS reports it on the group; older answers omit it (then read it from a member). */
  engine?: Engine;
  clusterEnabled: boolean;
  cacheNodeType?: string;
  memberClusterIds: string[];
  nodeGroups: NodeGroup[];
  /** Present when cluster mode is enabled. */
  configurationEndpoint?: Endpoint;
  transitEncryptionEnabled: boolean;
  atRestEncryptionEnabled: boolean;
  authTokenEnabled: boolean;
  userGroupIds: string[];
  globalReplicationGroup?: { id: string; role: string };
  pendingChanges: PendingChange[];
}

export interface CacheNode {
  id: string;
  status: string;
  endpoint?: Endpoint;
  availabilityZone?: string;
}

/** The parameter group as a cache cluster reports it (`CacheParameterGroup` on `DescribeCacheClusters`). */
export interface AttachedParameterGroup {
  name: string;
  /** `in-sync` when applied; anything else means "not applied yet". */
  applyStatus: string;
  /** Non-empty means the change waits for a reboot. */
  nodeIdsToReboot: string[];
}

export interface AttachedSecurityGroup {
  id: string;
  /** `active` when in effect. */
  status: string;
}

/** A cache cluster: a node of a replication group, or a standalone cluster when `replicationGroupId` is absent. */
export interface CacheCluster {
  id: string;
  arn: string;
  region: string;
  /** available | creating | modifying | deleting | deleted | rebooting cluster nodes | incompatible-network | restore-failed | snapshotting | create-failed */
  status: string;
  engine: Engine;
  engineVersion: string;
  replicationGroupId?: string;
  cacheNodeType?: string;
  numCacheNodes: number;
  parameterGroup?: AttachedParameterGroup;
  securityGroups: AttachedSecurityGroup[];
  cacheSubnetGroupName?: string;
  /** Memcached only. */
  configurationEndpoint?: Endpoint;
  /** Filled because reads pass `ShowCacheNodeInfo: true`. */
  nodes: CacheNode[];
  transitEncryptionEnabled: boolean;
  atRestEncryptionEnabled: boolean;
  authTokenEnabled: boolean;
  pendingChanges: PendingChange[];
}

export interface ServerlessCache {
  name: string;
  arn: string;
  region: string;
  status: string;
  engine: Engine;
  majorEngineVersion: string;
  fullEngineVersion?: string;
  endpoint?: Endpoint;
  securityGroupIds: string[];
  subnetIds: string[];
  userGroupId?: string;
}

export interface CacheParameterGroup {
  name: string;
  /** e.g. `redis7`, `redis6.x`, `valkey8`, `memcached1.6`. */
  family: string;
  description: string;
  arn: string;
  isGlobal: boolean;
  /** Filled only where a caller read them (ListTagsForResource): a resumed apply looks for its own groups. */
  tags?: Record<string, string>;
}

/** A `default.*` group: AWS refuses to modify or delete it. */
export function isDefaultParameterGroup(name: string): boolean {
  return name.startsWith("default.");
}

export interface CacheParameter {
  name: string;
  /** Absent when AWS reports no value. */
  value?: string;
  /** `system` (family default), `user` (set on this group), `engine-default`. */
  source: string;
  /** Comma-separated as AWS sends it, e.g. `volatile-lru,allkeys-lru,...,noeviction`. */
  allowedValues?: string;
  dataType?: string;
  /** `immediate` or `requires-reboot`. */
  changeType?: string;
  isModifiable: boolean;
}

export interface CacheEngineVersion {
  engine: Engine;
  engineVersion: string;
  family: string;
}

export interface CacheSubnetGroup {
  name: string;
  vpcId: string;
  subnetIds: string[];
  description: string;
}

export interface Vpc {
  id: string;
  cidrBlocks: string[];
  ipv6CidrBlocks: string[];
  isDefault: boolean;
  /** The `Name` tag, when there is one. */
  name?: string;
}

export interface Subnet {
  id: string;
  vpcId: string;
  cidrBlock: string;
  availabilityZone: string;
}

/** Where an inbound rule lets traffic come from: exactly one kind per rule. */
export type RuleSource =
  | { kind: "cidr"; cidr: string }
  | { kind: "cidr6"; cidr: string }
  | { kind: "security-group"; groupId: string; ownerId?: string }
  | { kind: "prefix-list"; prefixListId: string };

/** One inbound rule with one source (AWS's `IpPermissions` flattened, one entry per source). */
export interface IngressRule {
  /** `sgr-...` when read through `DescribeSecurityGroupRules`; absent when flattened from `IpPermissions`. */
  ruleId?: string;
  /** `tcp`, `udp`, `icmp` or `-1` (all traffic). */
  protocol: string;
  /** Absent for protocol `-1` (all ports). */
  fromPort?: number;
  toPort?: number;
  source: RuleSource;
  description?: string;
  /** The rule's own tags, when read through `DescribeSecurityGroupRules` and it has any. */
  tags?: Record<string, string>;
}

export interface SecurityGroup {
  id: string;
  name: string;
  description: string;
  vpcId: string;
  ownerId?: string;
  tags: Record<string, string>;
  ingress: IngressRule[];
}

export interface Tag {
  key: string;
  value: string;
}

export interface CacheEvent {
  sourceId: string;
  sourceType: string;
  message: string;
  date: string;
}

/** Why an AWS call failed, in words a person can act on. Produced by `lib/adapters/aws/errors.ts` only. */
export type AwsProblemCode =
  | "access-denied"
  | "no-credentials"
  | "throttled"
  | "unknown-region"
  | "not-found"
  | "already-exists"
  | "invalid-state"
  | "invalid-input"
  | "no-change"
  | "limit-exceeded"
  | "unavailable"
  | "unknown";

export interface AwsProblem {
  code: AwsProblemCode;
  /** One or two sentences for a person: what happened and what to do. Never a stack trace. */
  message: string;
  /** The AWS error code as sent (`InvalidReplicationGroupState`, `UnauthorizedOperation`...). */
  awsCode?: string;
  /** The API operation that failed, e.g. `DescribeCacheClusters`. */
  operation?: string;
  /** The IAM action to grant when `code === "access-denied"`, e.g. `elasticache:DescribeCacheClusters`. */
  iamAction?: string;
  region?: string;
  retryable: boolean;
}

/** Who the credentials belong to, as STS `GetCallerIdentity` reports it. */
export interface CallerIdentity {
  /** The 12-digit AWS account id. */
  accountId: string;
  /** `arn:aws:iam::<account>:user/<name>` or `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  arn: string;
  /** The unique id of the principal (`AIDA...`, or `AROA...:<session>` for an assumed role). */
  userId: string;
}

/** A read that either gave a value or failed with a problem a person can act on. */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; problem: AwsProblem };
