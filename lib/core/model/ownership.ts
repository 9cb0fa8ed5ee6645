/**
 * Who owns a resource: a CloudFormation stack or a Terraform state. CloudFormation tags none of the
 * ElastiCache resources it makes, so a stack's ownership comes from its resource list (read once per
 * account-region); it does tag the EC2 security groups it makes (`aws:cloudformation:*`). Terraform tags
 * nothing: its state is the truth, and without one the "Managed by Terraform" description it gives parameter
 * and security groups by default is the only sign (the address then unknown).
 *
 * An owner that cannot be told (the stack list could not be read, a state file could not be parsed) is
 * `unknown` with the reason, never `null`: null means every source was read and none claims the resource.
 */
import type { ReadResult } from "./resources";

/** The kinds of resource QueueReady attributes: a target and what it is attached to. */
export type OwnedKind =
  | "replication-group"
  | "cache-cluster"
  | "serverless"
  | "parameter-group"
  | "subnet-group"
  | "security-group"
  | "memorydb-cluster"
  | "memorydb-parameter-group"
  | "memorydb-subnet-group";

export interface Owner {
  tool: "cloudformation" | "terraform" | "unknown";
  /** CloudFormation: the stack's name. */
  stack?: string;
  /** CloudFormation: the resource's logical id in the stack. */
  logicalId?: string;
  /** Terraform: the resource address, e.g. `module.cache.aws_elasticache_replication_group.main`. */
  address?: string;
  /** Terraform: the state file the address comes from. */
  stateFile?: string;
  /** Where this was read, or (for `unknown`) why the owner cannot be told. */
  evidence: string;
}

/** One resource of a live CloudFormation stack. */
export interface StackResource {
  stackName: string;
  logicalId: string;
  physicalId: string;
  /** e.g. `AWS::ElastiCache::ReplicationGroup`. */
  type: string;
}

/** One managed resource instance of a Terraform state, in its own account and region (from its `arn`). */
export interface TerraformResource {
  address: string;
  type: string;
  /** The AWS id (`id` attribute): replication group id, group name, `sg-...`. */
  id: string;
  accountId: string;
  region: string;
  stateFile: string;
}

/** What an account-region's snapshot knows about ownership. */
export interface OwnershipReads {
  /** Resources of the account-region's stacks that are not deleted. */
  stacks: ReadResult<StackResource[]>;
  /** Terraform: the configured state files' resources in this account and region, and what could not be read. */
  terraform: {
    stateFiles: string[];
    resources: TerraformResource[];
    /** Files that could not be read at all: an owner they might name is unknown. */
    problems: string[];
    /** Resources left out of a file that was otherwise read. */
    warnings: string[];
  };
}

export const CLOUDFORMATION_TYPES: Record<OwnedKind, string> = {
  "replication-group": "AWS::ElastiCache::ReplicationGroup",
  "cache-cluster": "AWS::ElastiCache::CacheCluster",
  serverless: "AWS::ElastiCache::ServerlessCache",
  "parameter-group": "AWS::ElastiCache::ParameterGroup",
  "subnet-group": "AWS::ElastiCache::SubnetGroup",
  "security-group": "AWS::EC2::SecurityGroup",
  "memorydb-cluster": "AWS::MemoryDB::Cluster",
  "memorydb-parameter-group": "AWS::MemoryDB::ParameterGroup",
  "memorydb-subnet-group": "AWS::MemoryDB::SubnetGroup",
};

export const TERRAFORM_TYPES: Record<OwnedKind, string> = {
  "replication-group": "aws_elasticache_replication_group",
  "cache-cluster": "aws_elasticache_cluster",
  serverless: "aws_elasticache_serverless_cache",
  "parameter-group": "aws_elasticache_parameter_group",
  "subnet-group": "aws_elasticache_subnet_group",
  "security-group": "aws_security_group",
  "memorydb-cluster": "aws_memorydb_cluster",
  "memorydb-parameter-group": "aws_memorydb_parameter_group",
  "memorydb-subnet-group": "aws_memorydb_subnet_group",
};

const kindOfCloudFormation = new Map(
  Object.entries(CLOUDFORMATION_TYPES).map(([k, t]) => [t, k as OwnedKind]),
);
const kindOfTerraform = new Map(Object.entries(TERRAFORM_TYPES).map(([k, t]) => [t, k as OwnedKind]));

/** What is known of the resource beyond its id: a security group's tags, a group's description. */
export interface OwnedResource {
  kind: OwnedKind;
  id: string;
  tags?: Record<string, string>;
  description?: string;
}

interface OwnershipIndex {
  stacks: Map<string, StackResource>;
  terraform: Map<string, TerraformResource>;
}

const key = (kind: OwnedKind, id: string) =>
  `${kind}\u0000${kind === "parameter-group" ? id.toLowerCase() : id}`;
const indexes = new WeakMap<OwnershipReads, OwnershipIndex>();

function indexOf(reads: OwnershipReads): OwnershipIndex {
  let index = indexes.get(reads);
  if (!index) {
    const stacks = new Map<string, StackResource>();
    for (const r of reads.stacks.ok ? reads.stacks.value : []) {
      const kind = kindOfCloudFormation.get(r.type);
      if (kind && !stacks.has(key(kind, r.physicalId))) stacks.set(key(kind, r.physicalId), r);
    }
    const terraform = new Map<string, TerraformResource>();
    for (const r of reads.terraform.resources) {
      const kind = kindOfTerraform.get(r.type);
      if (kind && !terraform.has(key(kind, r.id))) terraform.set(key(kind, r.id), r);
    }
    index = { stacks, terraform };
    indexes.set(reads, index);
  }
  return index;
}

const MANAGED_BY_TERRAFORM = /managed by terraform/i;

/**
 * The owner of one resource in an account-region, or null when every source was read and none claims it.
 * A stack's resource list wins, then a Terraform state, then the signs the resource carries itself (a
 * security group's CloudFormation tags, a "Managed by Terraform" description).
 */
export function ownerOf(
  reads: OwnershipReads | undefined,
  resource: OwnedResource,
  region: string,
): Owner | null {
  if (!reads) return null;
  const index = indexOf(reads);
  const stack = index.stacks.get(key(resource.kind, resource.id));
  if (stack) {
    return {
      tool: "cloudformation",
      stack: stack.stackName,
      logicalId: stack.logicalId,
      evidence: `ListStackResources ${stack.stackName} (${region}): ${stack.logicalId} is ${stack.type} ${stack.physicalId}`,
    };
  }
  const tf = index.terraform.get(key(resource.kind, resource.id));
  if (tf) {
    return {
      tool: "terraform",
      address: tf.address,
      stateFile: tf.stateFile,
      evidence: `Terraform state ${tf.stateFile}: ${tf.address} has id ${tf.id}`,
    };
  }
  const tagStack = resource.tags?.["aws:cloudformation:stack-name"];
  if (tagStack) {
    const logicalId = resource.tags?.["aws:cloudformation:logical-id"];
    return {
      tool: "cloudformation",
      stack: tagStack,
      ...(logicalId ? { logicalId } : {}),
      evidence: `DescribeSecurityGroups ${resource.id} (${region}): tag aws:cloudformation:stack-name=${tagStack}`,
    };
  }
  if (resource.description && MANAGED_BY_TERRAFORM.test(resource.description)) {
    return {
      tool: "terraform",
      evidence:
        `${resource.kind === "security-group" ? "DescribeSecurityGroups" : "DescribeCacheParameterGroups"} ` +
        `${resource.id} (${region}): description "${resource.description}" (no state file names it: address unknown)`,
    };
  }
  const reasons = [
    ...(reads.stacks.ok ? [] : [`CloudFormation could not be read: ${reads.stacks.problem.message}`]),
    ...reads.terraform.problems,
  ];
  if (reasons.length > 0) return { tool: "unknown", evidence: reasons.join(" ") };
  return null;
}

/** One line for a table cell or a CSV: `cloudformation orders-cache/OrdersReplicationGroup`, ``. */
export function ownerLabel(owner: Owner | null | undefined): string {
  if (!owner) return "";
  if (owner.tool === "cloudformation")
    return `cloudformation ${owner.stack ?? "?"}${owner.logicalId ? `/${owner.logicalId}` : ""}`;
  if (owner.tool === "terraform") return `terraform ${owner.address ?? "(address unknown)"}`;
  return "unknown";
}
