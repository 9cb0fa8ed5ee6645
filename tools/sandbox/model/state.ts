/**
 * The sandbox's state: accounts, each with one `RegionState` per region it has enabled, plain JSON so it can be persisted and reloaded.
 * Timestamps are epoch milliseconds; `settleAt` drives the lazy `modifying -> available` transitions.
 */

import type { MemoryDbState } from "@/tools/sandbox/memorydb/state";

export interface Tag {
  key: string;
  value: string;
}

export interface ParameterGroupState {
  name: string;
  family: string;
  description: string;
  isDefault: boolean;
  /** Family defaults that differ for this group (e.g. `cluster-enabled=yes` for `*.cluster.on`). */
  system: Record<string, string>;
  /** Values set through ModifyCacheParameterGroup; Source `user`. */
  user: Record<string, string>;
}

export interface ShardState {
  id: string;
  /** Member cache cluster ids; the first one is the primary. */
  members: string[];
}

export interface ReplicationGroupState {
  id: string;
  description: string;
  status: string;
  engine: "redis" | "valkey";
  clusterEnabled: boolean;
  cacheNodeType: string;
  port: number;
  transitEncryption: boolean;
  atRestEncryption: boolean;
  authToken: boolean;
  shards: ShardState[];
  createdAt: number;
  /** When set, the group becomes `available` once the clock passes it. */
  settleAt?: number;
}

export interface SecurityGroupMembershipState {
  id: string;
  /** `active`, or `adding` / `removing` while a modification applies. */
  status: string;
}

export interface CacheClusterState {
  id: string;
  replicationGroupId?: string;
  engine: "redis" | "valkey" | "memcached";
  engineVersion: string;
  status: string;
  cacheNodeType: string;
  numNodes: number;
  port: number;
  parameterGroup: string;
  paramApplyStatus: string;
  nodesToReboot: string[];
  securityGroups: SecurityGroupMembershipState[];
  subnetGroup: string;
  availabilityZone: string;
  transitEncryption: boolean;
  atRestEncryption: boolean;
  authToken: boolean;
  createdAt: number;
  settleAt?: number;
}

export interface ServerlessCacheState {
  name: string;
  description: string;
  engine: "redis" | "valkey";
  majorEngineVersion: string;
  fullEngineVersion: string;
  status: string;
  port: number;
  securityGroupIds: string[];
  subnetIds: string[];
  createdAt: number;
}

export interface CacheSubnetGroupState {
  name: string;
  description: string;
  vpcId: string;
  subnetIds: string[];
}

export interface EventState {
  sourceId: string;
  sourceType: "cache-cluster" | "cache-parameter-group" | "replication-group" | "cache-subnet-group";
  message: string;
  date: number;
}

export interface VpcState {
  id: string;
  cidr: string;
  isDefault: boolean;
  tags: Tag[];
}

export interface SubnetState {
  id: string;
  vpcId: string;
  cidr: string;
  availabilityZone: string;
  tags: Tag[];
}

export interface SecurityGroupState {
  id: string;
  name: string;
  description: string;
  vpcId: string;
  tags: Tag[];
}

/** One rule as `DescribeSecurityGroupRules` shows it; `DescribeSecurityGroups` regroups them. */
export interface SecurityGroupRuleState {
  id: string;
  groupId: string;
  isEgress: boolean;
  ipProtocol: string;
  fromPort: number;
  toPort: number;
  cidrIpv4?: string;
  cidrIpv6?: string;
  prefixListId?: string;
  referencedGroupId?: string;
  description?: string;
  /** Rules are taggable resources in EC2 (`CreateTags` on an `sgr-` id); absent on seeded rules. */
  tags?: Tag[];
}

/** One resource of a CloudFormation stack (ListStackResources / DescribeStackResources). */
export interface StackResourceState {
  logicalId: string;
  /** Absent while a resource is being created, as AWS leaves it out. */
  physicalId?: string;
  /** e.g. `AWS::ElastiCache::ReplicationGroup`. */
  type: string;
  status: string;
  updatedAt: number;
}

/** A CloudFormation stack; deleted stacks stay listed (DELETE_COMPLETE) for 90 days, as on AWS. */
export interface StackState {
  name: string;
  /** The stack ARN: `arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>`. */
  id: string;
  description?: string;
  status: string;
  createdAt: number;
  updatedAt?: number;
  deletedAt?: number;
  tags: Tag[];
  resources: StackResourceState[];
}

/** A CloudWatch metric alarm (PutMetricAlarm / DescribeAlarms), as the model's `MetricAlarm` holds it. */
export interface AlarmState {
  name: string;
  arn: string;
  description?: string;
  actionsEnabled: boolean;
  okActions: string[];
  alarmActions: string[];
  insufficientDataActions: string[];
  namespace: string;
  metricName: string;
  statistic?: string;
  extendedStatistic?: string;
  dimensions: Array<{ name: string; value: string }>;
  period: number;
  unit?: string;
  evaluationPeriods: number;
  datapointsToAlarm?: number;
  threshold: number;
  comparisonOperator: string;
  treatMissingData?: string;
  stateValue: "OK" | "ALARM" | "INSUFFICIENT_DATA";
  stateReason: string;
  configuredAt: number;
  stateUpdatedAt: number;
  tags: Tag[];
}

export interface RegionState {
  region: string;
  /** The account the region's resources belong to (their ARNs and owner ids name it). */
  accountId: string;
  parameterGroups: ParameterGroupState[];
  replicationGroups: ReplicationGroupState[];
  cacheClusters: CacheClusterState[];
  serverlessCaches: ServerlessCacheState[];
  cacheSubnetGroups: CacheSubnetGroupState[];
  events: EventState[];
  /** ElastiCache tags by resource ARN. */
  tags: Record<string, Tag[]>;
  vpcs: VpcState[];
  subnets: SubnetState[];
  securityGroups: SecurityGroupState[];
  rules: SecurityGroupRuleState[];
  /** CloudFormation stacks; absent in state files written before the sandbox served CloudFormation. */
  stacks?: StackState[];
  /** Amazon MemoryDB; absent in state files written before the sandbox served MemoryDB. */
  memorydb?: MemoryDbState;
  /** CloudWatch metric alarms; absent in state files written before the sandbox served CloudWatch. */
  alarms?: AlarmState[];
  /**
   * Seeded memory use of a cache cluster or serverless cache, in percent of its maximum, by id: what
   * GetMetricData answers when no real engine runs (absent ids get a steady value derived from the id).
   */
  memoryPercent?: Record<string, number>;
  /** Counters behind deterministic ids of resources created at run time. */
  sequence: number;
}

/** An IAM role that STS `AssumeRole` can hand out credentials for. */
export interface RoleState {
  name: string;
  /** Accounts whose principals the trust policy allows (`arn:aws:iam::<id>:root`); empty trusts nobody. */
  trustedAccounts: string[];
  /** When set, the trust policy's `sts:ExternalId` condition: AssumeRole must pass exactly this. */
  externalId?: string;
  /** `read` is a Describe*-only permission policy: every write is refused with AccessDenied. */
  access: "admin" | "read";
  /** The role's maximum session duration (3600..43200 s); DurationSeconds above it is refused. */
  maxSessionSeconds: number;
}

export interface AccountState {
  id: string;
  name: string;
  email: string;
  status: "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE";
  joinedAt: number;
  /** The regions enabled for the account; any other region answers UnrecognizedClientException. */
  regions: Record<string, RegionState>;
  roles: RoleState[];
}

/** An AWS Organization: every account of the state is a member; one is the management account. */
export interface OrganizationState {
  id: string;
  managementAccountId: string;
}

export interface SandboxState {
  accounts: Record<string, AccountState>;
  /** The account long-term keys (anything STS did not issue) belong to. */
  defaultAccountId: string;
  /** Absent: the default account is standalone (Organizations answers AWSOrganizationsNotInUseException). */
  organization?: OrganizationState;
}

/** The seeded (management) account; today's single-account seed lives here unchanged. */
export const ACCOUNT_ID = "123456789012";

export function emptyRegion(region: string, accountId: string = ACCOUNT_ID): RegionState {
  return {
    region,
    accountId,
    parameterGroups: [],
    replicationGroups: [],
    cacheClusters: [],
    serverlessCaches: [],
    cacheSubnetGroups: [],
    events: [],
    tags: {},
    vpcs: [],
    subnets: [],
    securityGroups: [],
    rules: [],
    stacks: [],
    alarms: [],
    memoryPercent: {},
    sequence: 0,
  };
}

/** ARNs as ElastiCache forms them (`replicationgroup`, `cluster`, `parametergroup`, ...). */
export function elasticacheArn(region: RegionState, kind: string, id: string): string {
  return `arn:aws:elasticache:${region.region}:${region.accountId}:${kind}:${id}`;
}

/** A deterministic id such as `sg-0a1b...` (17 hex digits) from the region's counter. */
export function nextId(state: RegionState, prefix: string): string {
  state.sequence += 1;
  const hex = (state.sequence * 2654435761 + state.region.length * 7919).toString(16);
  return `${prefix}-0${hex.padStart(16, "0").slice(-16)}`;
}
