/**
 * MemoryDB's Describe* and ListTags. DescribeParameters lists every parameter of the group with its
 * effective value (MemoryDB has no `Source` filter, unlike ElastiCache).
 */
import { SandboxError } from "@/tools/sandbox/errors";
import {
  clusterOf,
  db,
  parameterGroupOf,
  readOp,
  type MemoryDbContext,
  type MemoryDbOperation,
} from "./context";
import {
  invalidCombination,
  invalidValue,
  optBool,
  optInt,
  optString,
  optTime,
  page,
  reqString,
} from "./input";
import { MEMORYDB_PARAMETERS } from "./parameters";
import { aclJson, clusterJson, eventJson, parameterGroupJson, subnetGroupJson } from "./shapes";
import { memoryDbArn } from "./state";

const EVENT_SOURCE_TYPES = ["node", "parameter-group", "subnet-group", "cluster", "user", "acl"];

function describeEvents(ctx: MemoryDbContext) {
  const sourceType = optString(ctx.body, "SourceType");
  const sourceName = optString(ctx.body, "SourceName");
  if (sourceType !== undefined && !EVENT_SOURCE_TYPES.includes(sourceType))
    throw invalidValue(`Invalid SourceType: ${sourceType}.`);
  if (sourceName !== undefined && sourceType === undefined)
    throw invalidCombination("SourceType must be provided when SourceName is specified.");
  const start = optTime(ctx.body, "StartTime");
  const end = optTime(ctx.body, "EndTime");
  const duration = optInt(ctx.body, "Duration");
  if (duration !== undefined && (duration < 0 || duration > 20160))
    throw invalidValue("The parameter Duration must be between 0 and 20160 minutes.");
  // Without a window MemoryDB answers the last hour, as ElastiCache does.
  const from = start ?? ctx.now - (duration ?? 60) * 60_000;
  const to = end ?? ctx.now;
  const events = db(ctx)
    .events.filter((e) => e.date >= from && e.date <= to)
    .filter((e) => sourceType === undefined || e.sourceType === sourceType)
    .filter((e) => sourceName === undefined || e.sourceName === sourceName)
    .sort((a, b) => b.date - a.date);
  const p = page(events, ctx.body, `events:${sourceType ?? ""}:${sourceName ?? ""}:${from}:${to}`);
  return { Events: p.items.map(eventJson), ...(p.next ? { NextToken: p.next } : {}) };
}

/** The resource an ARN names, or the MemoryDB refusal: malformed, another account or region, or absent. */
function tagsOf(ctx: MemoryDbContext, arn: string) {
  const m = /^arn:aws:memorydb:([a-z0-9-]+):(\d{12}):(cluster|parametergroup|subnetgroup|acl)\/(.+)$/.exec(
    arn,
  );
  if (!m || m[1] !== ctx.region.region || m[2] !== ctx.region.accountId)
    throw new SandboxError("InvalidARNFault", `Invalid resource ARN: ${arn}`, 400);
  const [, , , kind, name] = m as unknown as [string, string, string, string, string];
  const state = db(ctx);
  const exists =
    kind === "cluster"
      ? state.clusters.some((c) => c.name === name)
      : kind === "parametergroup"
        ? state.parameterGroups.some((g) => g.name === name)
        : kind === "subnetgroup"
          ? state.subnetGroups.some((g) => g.name === name)
          : state.acls.some((a) => a.name === name);
  if (!exists) {
    const fault = {
      cluster: ["ClusterNotFoundFault", "Cluster"],
      parametergroup: ["ParameterGroupNotFoundFault", "Parameter group"],
      subnetgroup: ["SubnetGroupNotFoundFault", "Subnet group"],
      acl: ["ACLNotFoundFault", "ACL"],
    }[kind]!;
    throw new SandboxError(fault[0]!, `${fault[1]} ${name} not found.`, 400);
  }
  return state.tags[memoryDbArn(ctx.region, kind, name)] ?? [];
}

export const memoryDbReads: Record<string, MemoryDbOperation> = {
  DescribeClusters: readOp((ctx) => {
    const name = optString(ctx.body, "ClusterName");
    const showShards = optBool(ctx.body, "ShowShardDetails") ?? false;
    const clusters = name !== undefined ? [clusterOf(ctx, name)] : db(ctx).clusters;
    const p = page(clusters, ctx.body, `clusters:${name ?? ""}`);
    return {
      Clusters: p.items.map((c) => clusterJson(ctx.region, c, showShards)),
      ...(p.next ? { NextToken: p.next } : {}),
    };
  }),
  DescribeParameterGroups: readOp((ctx) => {
    const name = optString(ctx.body, "ParameterGroupName");
    const groups = name !== undefined ? [parameterGroupOf(ctx, name)] : db(ctx).parameterGroups;
    const p = page(groups, ctx.body, `groups:${name ?? ""}`);
    return {
      ParameterGroups: p.items.map((g) => parameterGroupJson(ctx.region, g)),
      ...(p.next ? { NextToken: p.next } : {}),
    };
  }),
  DescribeParameters: readOp((ctx) => {
    const group = parameterGroupOf(ctx, reqString(ctx.body, "ParameterGroupName"));
    const rows = MEMORYDB_PARAMETERS.map((def) => ({
      Name: def.name,
      Value: group.user[def.name] ?? def.defaultValue,
      Description: def.description,
      DataType: def.dataType,
      AllowedValues: def.allowedValues,
      MinimumEngineVersion: def.minimumEngineVersion,
    }));
    const p = page(rows, ctx.body, `parameters:${group.name}`);
    return { Parameters: p.items, ...(p.next ? { NextToken: p.next } : {}) };
  }),
  DescribeSubnetGroups: readOp((ctx) => {
    const name = optString(ctx.body, "SubnetGroupName");
    const groups = db(ctx).subnetGroups.filter((g) => name === undefined || g.name === name.toLowerCase());
    if (name !== undefined && groups.length === 0)
      throw new SandboxError("SubnetGroupNotFoundFault", `Subnet group ${name} not found.`, 400);
    const p = page(groups, ctx.body, `subnetgroups:${name ?? ""}`);
    return {
      SubnetGroups: p.items.map((g) => subnetGroupJson(ctx.region, g)),
      ...(p.next ? { NextToken: p.next } : {}),
    };
  }),
  DescribeACLs: readOp((ctx) => {
    const name = optString(ctx.body, "ACLName");
    const acls = db(ctx).acls.filter((a) => name === undefined || a.name === name);
    if (name !== undefined && acls.length === 0)
      throw new SandboxError("ACLNotFoundFault", `ACL ${name} not found.`, 400);
    const p = page(acls, ctx.body, `acls:${name ?? ""}`);
    return { ACLs: p.items.map((a) => aclJson(ctx.region, a)), ...(p.next ? { NextToken: p.next } : {}) };
  }),
  DescribeEvents: readOp(describeEvents),
  ListTags: readOp((ctx) => {
    const tags = tagsOf(ctx, reqString(ctx.body, "ResourceArn"));
    return { TagList: tags.map((t) => ({ Key: t.key, Value: t.value })) };
  }),
};
