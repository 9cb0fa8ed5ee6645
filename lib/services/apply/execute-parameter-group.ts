/**
 * The parameter group steps, run alike for ElastiCache and MemoryDB over each one's own calls: the create
 * first looks the group up by name (a resumed run finds the one it created and does not create a second)
 * and takes AWS's "already exists" as done; the values are sent only when the group lacks one of them.
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import type { AwsContext } from "@/lib/adapters/aws/context";
import { createCacheParameterGroup, modifyCacheParameterGroup } from "@/lib/adapters/aws/elasticache/writes";
import { listCacheParameterGroups, listCacheParameters } from "@/lib/adapters/aws/elasticache/reads";
import {
  createMemoryDbParameterGroup,
  updateMemoryDbParameterGroup,
} from "@/lib/adapters/aws/memorydb/writes";
import { listMemoryDbParameterGroups, listMemoryDbParameters } from "@/lib/adapters/aws/memorydb/reads";
import type { CacheParameter, Tag } from "@/lib/core/model/resources";
import type { StepOutcome, StepRun } from "./execute-step";

type Values = { name: string; value: string }[];

/** One service's parameter group calls, and the record type of a group the run created. */
export interface ParameterGroupCalls {
  record: "cache-parameter-group" | "memorydb-parameter-group";
  listGroups: (ctx: AwsContext, opts: { name: string }) => Promise<{ name: string; family: string }[]>;
  createGroup: (
    ctx: AwsContext,
    group: { name: string; family: string; description: string; tags: Tag[] },
  ) => Promise<unknown>;
  listValues: (ctx: AwsContext, name: string) => Promise<CacheParameter[]>;
  setValues: (ctx: AwsContext, name: string, values: Values) => Promise<void>;
}

export const ELASTICACHE_GROUPS: ParameterGroupCalls = {
  record: "cache-parameter-group",
  listGroups: listCacheParameterGroups,
  createGroup: createCacheParameterGroup,
  listValues: (ctx, name) => listCacheParameters(ctx, name),
  setValues: modifyCacheParameterGroup,
};

export const MEMORYDB_GROUPS: ParameterGroupCalls = {
  record: "memorydb-parameter-group",
  listGroups: listMemoryDbParameterGroups,
  createGroup: createMemoryDbParameterGroup,
  listValues: listMemoryDbParameters,
  setValues: updateMemoryDbParameterGroup,
};

const isCode = (err: unknown, code: string) => err instanceof AwsError && err.problem.code === code;

export async function createGroupStep(
  run: StepRun,
  calls: ParameterGroupCalls,
  input: { name: string; family: string; description: string },
  tags: Tag[],
): Promise<StepOutcome> {
  const { name, family, description } = input;
  const found = await calls
    .listGroups(run.ctx, { name })
    .catch((err) => (isCode(err, "not-found") ? [] : Promise.reject(err)));
  const existing = found.find((g) => g.name === name);
  if (existing && existing.family !== family)
    throw new Error(`${name} exists with family ${existing.family}, not ${family}.`);
  if (existing) return { status: "skipped", message: `${name} already exists (family ${family}).` };
  try {
    await calls.createGroup(run.ctx, { name, family, description, tags });
  } catch (err) {
    if (isCode(err, "already-exists")) return { status: "done", message: `AWS says ${name} exists already.` };
    throw err;
  }
  const createdAt = new Date().toISOString();
  return {
    status: "done",
    message: `Created ${name}.`,
    created: { type: calls.record, region: run.ctx.region, name, family, createdAt },
  };
}

export async function setValuesStep(
  run: StepRun,
  calls: ParameterGroupCalls,
  input: { name: string; values: Values },
): Promise<StepOutcome> {
  const { name, values } = input;
  const said = values.map((v) => `${v.name}=${v.value}`).join(", ");
  const current = await calls.listValues(run.ctx, name);
  if (values.every((v) => current.find((p) => p.name === v.name)?.value === v.value))
    return { status: "skipped", message: `${name} already has ${said}.` };
  await calls.setValues(run.ctx, name, values);
  return { status: "done", message: `Set ${said}.` };
}
