/**
 * MemoryDB writes the product uses: parameter groups (create, update at most 20 values per call,
 * delete) and UpdateCluster for the parameter group and the security groups. A change applies on its
 * own after the sandbox's apply delay (settle.ts); meanwhile the cluster is `updating` and its
 * `ParameterGroupStatus` reads `applying`.
 */
import { SandboxError } from "@/tools/sandbox/errors";
import { parameterGroupName } from "@/tools/sandbox/names";
import type { Tag } from "@/tools/sandbox/model/state";
import {
  clusterOf,
  db,
  parameterGroupOf,
  recordMemoryDbEvent,
  writeOp,
  type MemoryDbContext,
  type MemoryDbOperation,
} from "./context";
import { MEMORYDB_FAMILIES } from "./families";
import { invalidValue, optObjectList, optString, reqString } from "./input";
import { isAllowed, MEMORYDB_PARAMETERS } from "./parameters";
import { markUpdating } from "./settle";
import { clusterJson, parameterGroupJson } from "./shapes";
import { memoryDbArn, type MemoryDbClusterState, type MemoryDbParameterGroupState } from "./state";
import { updateCluster } from "./update-cluster";

const MAX_VALUES_PER_CALL = 20;

function tagsOfBody(ctx: MemoryDbContext): Tag[] {
  return (optObjectList(ctx.body, "Tags") ?? []).map((t) => {
    if (typeof t.Key !== "string" || t.Key === "") throw invalidValue("Every tag needs a Key.");
    return { key: t.Key, value: typeof t.Value === "string" ? t.Value : "" };
  });
}

function usersOf(ctx: MemoryDbContext, group: MemoryDbParameterGroupState): MemoryDbClusterState[] {
  return db(ctx).clusters.filter((c) => c.parameterGroup === group.name);
}

function modifiable(group: MemoryDbParameterGroupState): void {
  if (group.isDefault)
    throw new SandboxError(
      "InvalidParameterGroupStateFault",
      `Default parameter group ${group.name} cannot be modified or deleted.`,
      400,
    );
}

export const memoryDbWrites: Record<string, MemoryDbOperation> = {
  CreateParameterGroup: writeOp((ctx) => {
    const checked = parameterGroupName(reqString(ctx.body, "ParameterGroupName"));
    if ("error" in checked) throw invalidValue(checked.error.message);
    const family = reqString(ctx.body, "Family");
    if (!MEMORYDB_FAMILIES.some((f) => f.family === family))
      throw invalidValue(
        `Invalid parameter group family ${family}. Valid families: ${MEMORYDB_FAMILIES.map((f) => f.family).join(", ")}.`,
      );
    const state = db(ctx);
    if (state.parameterGroups.some((g) => g.name === checked.name))
      throw new SandboxError(
        "ParameterGroupAlreadyExistsFault",
        `Parameter group ${checked.name} already exists.`,
        400,
      );
    const tags = tagsOfBody(ctx);
    const group: MemoryDbParameterGroupState = {
      name: checked.name,
      family,
      description: optString(ctx.body, "Description") ?? "",
      isDefault: false,
      user: {},
    };
    state.parameterGroups.push(group);
    if (tags.length) state.tags[memoryDbArn(ctx.region, "parametergroup", group.name)] = tags;
    recordMemoryDbEvent(ctx, "parameter-group", group.name, `Parameter group ${group.name} created`);
    return { ParameterGroup: parameterGroupJson(ctx.region, group) };
  }),
  UpdateParameterGroup: writeOp((ctx) => {
    const group = parameterGroupOf(ctx, reqString(ctx.body, "ParameterGroupName"));
    const values = optObjectList(ctx.body, "ParameterNameValues") ?? [];
    if (values.length === 0) throw invalidValue("ParameterNameValues must contain at least one parameter.");
    if (values.length > MAX_VALUES_PER_CALL)
      throw invalidValue(
        `At most ${MAX_VALUES_PER_CALL} parameters can be updated in one call (${values.length} given).`,
      );
    modifiable(group);
    const changes: Array<[string, string]> = values.map((v) => {
      const name = v.ParameterName;
      const value = v.ParameterValue;
      if (typeof name !== "string" || typeof value !== "string")
        throw invalidValue("Every ParameterNameValue needs a ParameterName and a ParameterValue.");
      const def = MEMORYDB_PARAMETERS.find((d) => d.name === name);
      if (!def) throw invalidValue(`Unknown parameter ${name} for family ${group.family}.`);
      if (!isAllowed(def, value))
        throw invalidValue(
          `Invalid value ${value} for parameter ${name}. Allowed values: ${def.allowedValues}.`,
        );
      return [name, value];
    });
    for (const [name, value] of changes) group.user[name] = value;
    // Every cluster on the group takes the new values: it applies them and reports `applying` meanwhile.
    for (const c of usersOf(ctx, group)) {
      c.parameterGroupStatus = "applying";
      markUpdating(c, ctx.now + ctx.applyDelayMs);
    }
    recordMemoryDbEvent(ctx, "parameter-group", group.name, `Parameter group ${group.name} updated`);
    return { ParameterGroup: parameterGroupJson(ctx.region, group) };
  }),
  DeleteParameterGroup: writeOp((ctx) => {
    const group = parameterGroupOf(ctx, reqString(ctx.body, "ParameterGroupName"));
    modifiable(group);
    const users = usersOf(ctx, group);
    if (users.length)
      throw new SandboxError(
        "InvalidParameterGroupStateFault",
        `Parameter group ${group.name} is in use by cluster(s): ${users.map((c) => c.name).join(", ")}.`,
        400,
      );
    const state = db(ctx);
    state.parameterGroups = state.parameterGroups.filter((g) => g !== group);
    delete state.tags[memoryDbArn(ctx.region, "parametergroup", group.name)];
    recordMemoryDbEvent(ctx, "parameter-group", group.name, `Parameter group ${group.name} deleted`);
    return { ParameterGroup: parameterGroupJson(ctx.region, group) };
  }),
  UpdateCluster: writeOp((ctx) => {
    const cluster = clusterOf(ctx, reqString(ctx.body, "ClusterName"));
    updateCluster(ctx, cluster);
    return { Cluster: clusterJson(ctx.region, cluster, false) };
  }),
};
