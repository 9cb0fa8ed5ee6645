/**
 * The CloudFormation reads QueueReady needs to tell who owns a cluster: ListStacks, DescribeStacks,
 * ListStackResources and DescribeStackResources, with the members, list members (`member`), timestamps and
 * `ValidationError`s of botocore's model for API version 2010-05-15.
 */
import { SandboxError } from "@/tools/sandbox/errors";
import { read, type OperationTable } from "@/tools/sandbox/model/operation";
import type { RegionState, StackResourceState, StackState } from "@/tools/sandbox/model/state";
import { str, stringList } from "@/tools/sandbox/protocol/query-form";
import { isoTime, leaf, list, node } from "@/tools/sandbox/protocol/xml";

/** StackStatus as the model enumerates it. */
export const STACK_STATUSES = [
  "CREATE_IN_PROGRESS",
  "CREATE_FAILED",
  "CREATE_COMPLETE",
  "ROLLBACK_IN_PROGRESS",
  "ROLLBACK_FAILED",
  "ROLLBACK_COMPLETE",
  "DELETE_IN_PROGRESS",
  "DELETE_FAILED",
  "DELETE_COMPLETE",
  "UPDATE_IN_PROGRESS",
  "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
  "UPDATE_COMPLETE",
  "UPDATE_FAILED",
  "UPDATE_ROLLBACK_IN_PROGRESS",
  "UPDATE_ROLLBACK_FAILED",
  "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS",
  "UPDATE_ROLLBACK_COMPLETE",
  "REVIEW_IN_PROGRESS",
  "IMPORT_IN_PROGRESS",
  "IMPORT_COMPLETE",
  "IMPORT_ROLLBACK_IN_PROGRESS",
  "IMPORT_ROLLBACK_FAILED",
  "IMPORT_ROLLBACK_COMPLETE",
];

/** Items per page of ListStacks, DescribeStacks and ListStackResources. */
export const CFN_PAGE_SIZE = 100;
/** DescribeStackResources answers at most this many resources (ListStackResources pages the rest). */
const DESCRIBE_RESOURCES_LIMIT = 100;

const validation = (message: string) => new SandboxError("ValidationError", message, 400);

const stacksOf = (region: RegionState): StackState[] => region.stacks ?? [];
const isDeleted = (s: StackState) => s.status === "DELETE_COMPLETE";

/**
 * A stack by name (live stacks only, as AWS resolves names) or by stack id (deleted ones too).
 * Otherwise `ValidationError: Stack with id X does not exist`, in AWS's words.
 */
function findStack(region: RegionState, nameOrId: string): StackState {
  const stack = nameOrId.startsWith("arn:")
    ? stacksOf(region).find((s) => s.id === nameOrId)
    : stacksOf(region).find((s) => s.name === nameOrId && !isDeleted(s));
  if (!stack) throw validation(`Stack with id ${nameOrId} does not exist`);
  return stack;
}

function page<T>(items: T[], token: string | undefined, scope: string): { items: T[]; next?: string } {
  let offset = 0;
  if (token !== undefined) {
    try {
      const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as {
        o?: unknown;
        s?: unknown;
      };
      if (typeof parsed.o !== "number" || !Number.isInteger(parsed.o) || parsed.o < 0 || parsed.s !== scope)
        throw new Error("foreign token");
      offset = parsed.o;
    } catch {
      throw validation("Invalid NextToken");
    }
  }
  const end = offset + CFN_PAGE_SIZE;
  const next =
    end < items.length ? Buffer.from(JSON.stringify({ o: end, s: scope })).toString("base64url") : undefined;
  return { items: items.slice(offset, end), next };
}

const driftSummary = (statusMember: string) => node("DriftInformation", leaf(statusMember, "NOT_CHECKED"));

function stackSummaryXml(s: StackState): string {
  return (
    leaf("StackId", s.id) +
    leaf("StackName", s.name) +
    leaf("TemplateDescription", s.description) +
    leaf("CreationTime", isoTime(s.createdAt)) +
    leaf("LastUpdatedTime", s.updatedAt === undefined ? undefined : isoTime(s.updatedAt)) +
    leaf("DeletionTime", s.deletedAt === undefined ? undefined : isoTime(s.deletedAt)) +
    leaf("StackStatus", s.status) +
    driftSummary("StackDriftStatus")
  );
}

function stackXml(s: StackState): string {
  return (
    leaf("StackId", s.id) +
    leaf("StackName", s.name) +
    leaf("Description", s.description) +
    list("Parameters", "member", [], () => "") +
    leaf("CreationTime", isoTime(s.createdAt)) +
    leaf("DeletionTime", s.deletedAt === undefined ? undefined : isoTime(s.deletedAt)) +
    leaf("LastUpdatedTime", s.updatedAt === undefined ? undefined : isoTime(s.updatedAt)) +
    node("RollbackConfiguration", "") +
    leaf("StackStatus", s.status) +
    leaf("DisableRollback", false) +
    list("NotificationARNs", "member", [], () => "") +
    list("Outputs", "member", [], () => "") +
    list("Tags", "member", s.tags, (t) => leaf("Key", t.key) + leaf("Value", t.value)) +
    leaf("EnableTerminationProtection", false) +
    driftSummary("StackDriftStatus")
  );
}

function resourceSummaryXml(r: StackResourceState): string {
  return (
    leaf("LogicalResourceId", r.logicalId) +
    leaf("PhysicalResourceId", r.physicalId) +
    leaf("ResourceType", r.type) +
    leaf("LastUpdatedTimestamp", isoTime(r.updatedAt)) +
    leaf("ResourceStatus", r.status) +
    driftSummary("StackResourceDriftStatus")
  );
}

function resourceXml(s: StackState, r: StackResourceState): string {
  return (
    leaf("StackName", s.name) +
    leaf("StackId", s.id) +
    leaf("LogicalResourceId", r.logicalId) +
    leaf("PhysicalResourceId", r.physicalId) +
    leaf("ResourceType", r.type) +
    leaf("Timestamp", isoTime(r.updatedAt)) +
    leaf("ResourceStatus", r.status) +
    driftSummary("StackResourceDriftStatus")
  );
}

export const cloudformationOps: OperationTable = {
  ListStacks: read(({ region, params }) => {
    const filter = stringList(params, "StackStatusFilter");
    const bad = filter.find((s) => !STACK_STATUSES.includes(s));
    if (bad !== undefined) {
      throw validation(
        `1 validation error detected: Value '[${filter.join(", ")}]' at 'stackStatusFilter' failed to satisfy ` +
          `constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${STACK_STATUSES.join(", ")}]]`,
      );
    }
    const stacks = stacksOf(region).filter((s) => filter.length === 0 || filter.includes(s.status));
    const p = page(stacks, str(params, "NextToken"), `ListStacks:${[...filter].sort().join(",")}`);
    return list("StackSummaries", "member", p.items, stackSummaryXml) + leaf("NextToken", p.next);
  }),

  DescribeStacks: read(({ region, params }) => {
    const name = str(params, "StackName");
    const stacks = name ? [findStack(region, name)] : stacksOf(region).filter((s) => !isDeleted(s));
    const p = page(stacks, str(params, "NextToken"), `DescribeStacks:${name ?? ""}`);
    return list("Stacks", "member", p.items, stackXml) + leaf("NextToken", p.next);
  }),

  ListStackResources: read(({ region, params }) => {
    const name = str(params, "StackName");
    if (!name)
      throw validation(
        "1 validation error detected: Value null at 'stackName' failed to satisfy constraint: Member must not be null",
      );
    const stack = findStack(region, name);
    const p = page(stack.resources, str(params, "NextToken"), `ListStackResources:${stack.id}`);
    return list("StackResourceSummaries", "member", p.items, resourceSummaryXml) + leaf("NextToken", p.next);
  }),

  DescribeStackResources: read(({ region, params }) => {
    const name = str(params, "StackName");
    const physicalId = str(params, "PhysicalResourceId");
    const logicalId = str(params, "LogicalResourceId");
    if (name && physicalId) throw validation("Cannot specify both StackName and PhysicalResourceId");
    if (!name && !physicalId) throw validation("Either StackName or PhysicalResourceId must be specified");
    let stack: StackState | undefined;
    if (name) stack = findStack(region, name);
    else {
      // A live stack's resource first; a deleted stack's (kept 90 days) only when no live stack has it.
      const holding = stacksOf(region).filter((s) => s.resources.some((r) => r.physicalId === physicalId));
      stack = holding.find((s) => !isDeleted(s)) ?? holding[0];
      if (!stack) throw validation(`Stack for ${physicalId} does not exist`);
    }
    const resources = stack.resources
      .filter((r) => logicalId === undefined || r.logicalId === logicalId)
      .slice(0, DESCRIBE_RESOURCES_LIMIT);
    const found = stack;
    return list("StackResources", "member", resources, (r) => resourceXml(found, r));
  }),
};
