/**
 * CreateCacheParameterGroup, ModifyCacheParameterGroup, ResetCacheParameterGroup and
 * DeleteCacheParameterGroup, with AWS's rules: names validated and lowercased, default groups
 * immutable, at most 20 parameters a call, values checked against the family's AllowedValues.
 */
import { invalidCombination, invalidValue, SandboxError } from "@/tools/sandbox/errors";
import { parameterGroupName } from "@/tools/sandbox/names";
import { markApplying } from "@/tools/sandbox/model/lifecycle";
import { recordEvent, write, type OpContext, type OperationTable } from "@/tools/sandbox/model/operation";
import { elasticacheArn, type ParameterGroupState } from "@/tools/sandbox/model/state";
import { bool, required, str, structList } from "@/tools/sandbox/protocol/query-form";
import { leaf } from "@/tools/sandbox/protocol/xml";
import { familyInfo, parametersOf, valueAllowed } from "@/tools/sandbox/seed/parameter-catalogue";
import { clustersUsing, findParameterGroup } from "./parameter-values";
import { parseTags } from "./tags";

const MAX_GROUPS = 150;

function refuseDefault(group: ParameterGroupState, verb: string): void {
  if (group.isDefault)
    throw new SandboxError(
      "InvalidCacheParameterGroupState",
      `Default parameter group ${group.name} cannot be ${verb}.`,
      400,
    );
}

/** Marks every cluster on the group as applying; reboot-only changes wait for a reboot instead. */
function propagate(ctx: OpContext, group: ParameterGroupState, changed: string[]): void {
  const defs = parametersOf(group.family).filter((d) => changed.includes(d.name));
  const needsReboot = defs.some((d) => d.changeType === "requires-reboot");
  for (const cc of clustersUsing(ctx.region, group.name)) {
    if (needsReboot) {
      cc.paramApplyStatus = "pending-reboot";
      cc.nodesToReboot = Array.from({ length: cc.numNodes }, (_, i) => String(i + 1).padStart(4, "0"));
    } else if (cc.paramApplyStatus !== "pending-reboot") {
      cc.paramApplyStatus = "applying";
      markApplying(cc, ctx.now + ctx.applyDelayMs);
    }
  }
}

export const parameterGroupWriteOps: OperationTable = {
  CreateCacheParameterGroup: write((ctx) => {
    const { region, params } = ctx;
    const check = parameterGroupName(required(params, "CacheParameterGroupName"));
    if ("error" in check) throw check.error;
    const family = required(params, "CacheParameterGroupFamily");
    if (!familyInfo(family)) throw invalidValue(`Invalid parameter group family: ${family}`);
    const description = required(params, "Description");
    if (region.parameterGroups.some((g) => g.name === check.name)) {
      throw new SandboxError(
        "CacheParameterGroupAlreadyExists",
        `Parameter group ${check.name} already exists.`,
        400,
      );
    }
    if (region.parameterGroups.filter((g) => !g.isDefault).length >= MAX_GROUPS) {
      throw new SandboxError(
        "CacheParameterGroupQuotaExceeded",
        `You have reached the quota of ${MAX_GROUPS} cache parameter groups.`,
        400,
      );
    }
    region.parameterGroups.push({
      name: check.name,
      family,
      description,
      isDefault: false,
      system: {},
      user: {},
    });
    const arn = elasticacheArn(region, "parametergroup", check.name);
    const tags = parseTags(params);
    if (tags.length) region.tags[arn] = tags;
    recordEvent(ctx, "cache-parameter-group", check.name, "Cache parameter group created");
    return `<CacheParameterGroup>${
      leaf("CacheParameterGroupName", check.name) +
      leaf("CacheParameterGroupFamily", family) +
      leaf("Description", description) +
      leaf("IsGlobal", false) +
      leaf("ARN", arn)
    }</CacheParameterGroup>`;
  }),

  ModifyCacheParameterGroup: write((ctx) => {
    const group = findParameterGroup(ctx.region, required(ctx.params, "CacheParameterGroupName"));
    const changes = structList(ctx.params, "ParameterNameValues");
    if (changes.length === 0)
      throw invalidValue("At least one parameter must be given in ParameterNameValues.");
    if (changes.length > 20)
      throw invalidCombination("Cannot modify more than 20 parameters in a single request");
    refuseDefault(group, "modified");
    const defs = parametersOf(group.family);
    const inUse = clustersUsing(ctx.region, group.name).length > 0;
    const updates = changes.map((c) => {
      const name = str(c, "ParameterName") ?? "";
      const value = str(c, "ParameterValue") ?? "";
      const def = defs.find((d) => d.name === name);
      if (!def) throw invalidValue(`Unknown parameter for family ${group.family}: ${name}`);
      if (!def.modifiable) throw invalidValue(`Parameter ${name} is not modifiable.`);
      if (!valueAllowed(def, value)) {
        throw invalidValue(
          `Value ${value} is not allowed for parameter ${name}. Allowed values: ${def.allowedValues}`,
        );
      }
      if (name === "cluster-enabled" && inUse) {
        throw new SandboxError(
          "InvalidCacheParameterGroupState",
          `Parameter cluster-enabled cannot be modified while ${group.name} is in use by a cache cluster.`,
          400,
        );
      }
      return { name, value };
    });
    for (const u of updates) group.user[u.name] = u.value;
    propagate(
      ctx,
      group,
      updates.map((u) => u.name),
    );
    recordEvent(ctx, "cache-parameter-group", group.name, "Cache parameter group modified");
    return leaf("CacheParameterGroupName", group.name);
  }),

  ResetCacheParameterGroup: write((ctx) => {
    const group = findParameterGroup(ctx.region, required(ctx.params, "CacheParameterGroupName"));
    const all = bool(ctx.params, "ResetAllParameters") ?? false;
    const names = structList(ctx.params, "ParameterNameValues").map((c) => str(c, "ParameterName") ?? "");
    if (!all && names.length === 0)
      throw invalidCombination("Either ResetAllParameters or ParameterNameValues must be specified.");
    if (all && names.length > 0)
      throw invalidCombination("ResetAllParameters and ParameterNameValues cannot be specified together.");
    refuseDefault(group, "modified");
    const defs = parametersOf(group.family);
    for (const n of names)
      if (!defs.some((d) => d.name === n))
        throw invalidValue(`Unknown parameter for family ${group.family}: ${n}`);
    const reset = all ? Object.keys(group.user) : names.filter((n) => n in group.user);
    for (const n of reset) delete group.user[n];
    if (reset.length) propagate(ctx, group, reset);
    recordEvent(ctx, "cache-parameter-group", group.name, "Cache parameter group modified");
    return leaf("CacheParameterGroupName", group.name);
  }),

  DeleteCacheParameterGroup: write((ctx) => {
    const group = findParameterGroup(ctx.region, required(ctx.params, "CacheParameterGroupName"));
    refuseDefault(group, "deleted");
    if (clustersUsing(ctx.region, group.name).length > 0) {
      throw new SandboxError(
        "InvalidCacheParameterGroupState",
        `One or more cache clusters are still members of this parameter group ${group.name}, so the group cannot be deleted.`,
        400,
      );
    }
    ctx.region.parameterGroups = ctx.region.parameterGroups.filter((g) => g !== group);
    delete ctx.region.tags[elasticacheArn(ctx.region, "parametergroup", group.name)];
    recordEvent(ctx, "cache-parameter-group", group.name, "Cache parameter group deleted");
    return undefined;
  }),
};
