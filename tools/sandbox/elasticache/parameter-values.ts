/**
 * The effective parameters of a group: family definitions overlaid with the group's system and user
 * values, and the XML AWS sends for each of them.
 */
import type { ParameterGroupState, RegionState } from "@/tools/sandbox/model/state";
import { SandboxError } from "@/tools/sandbox/errors";
import { parametersOf, type ParameterDef } from "@/tools/sandbox/seed/parameter-catalogue";
import { leaf } from "@/tools/sandbox/protocol/xml";

export interface EffectiveParameter {
  def: ParameterDef;
  value: string;
  source: "user" | "system" | "engine-default";
}

export function effectiveParameters(group: ParameterGroupState): EffectiveParameter[] {
  return parametersOf(group.family).map((def) => {
    const user = group.user[def.name];
    if (user !== undefined) return { def, value: user, source: "user" };
    const system = group.system[def.name];
    return {
      def,
      value: system ?? def.defaultValue,
      source: def.engineDefault && system === undefined ? "engine-default" : "system",
    };
  });
}

export function effectiveValue(group: ParameterGroupState, name: string): string | undefined {
  return effectiveParameters(group).find((p) => p.def.name === name)?.value;
}

export function parameterXml(p: EffectiveParameter): string {
  return (
    leaf("ParameterName", p.def.name) +
    leaf("ParameterValue", p.value === "" ? undefined : p.value) +
    leaf("Description", p.def.description) +
    leaf("Source", p.source) +
    leaf("DataType", p.def.dataType) +
    leaf("AllowedValues", p.def.allowedValues === "*" ? undefined : p.def.allowedValues) +
    leaf("IsModifiable", p.def.modifiable) +
    leaf("MinimumEngineVersion", p.def.minEngineVersion) +
    leaf("ChangeType", p.def.changeType)
  );
}

/** Looks a group up by name, case-insensitively as AWS does (names are stored lowercase). */
export function findParameterGroup(region: RegionState, name: string): ParameterGroupState {
  const group = region.parameterGroups.find((g) => g.name === name.toLowerCase());
  if (!group)
    throw new SandboxError("CacheParameterGroupNotFound", `CacheParameterGroup not found: ${name}`, 404);
  return group;
}

/** Cache clusters that currently use the group. */
export function clustersUsing(region: RegionState, groupName: string) {
  return region.cacheClusters.filter((c) => c.parameterGroup === groupName);
}
