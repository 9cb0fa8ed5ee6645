/**
 * A new group made to replace a custom group starts from the family defaults: every value the user had
 * changed on the old group (`Source=user`) would silently reset on attach. The planner carries each one over
 * into the new group instead, in the same ModifyCacheParameterGroup step as noeviction. The rows come from the
 * old group's full read (its `Source` column), so no extra call is made. Replacing a default group carries
 * nothing: a `default.*` group holds no user values.
 */
import { isDefaultParameterGroup } from "@/lib/core/model/resources";
import type { ReadResult, Snapshot } from "@/lib/core/model/snapshot";
import type { ResolvedTarget } from "./target";

export interface CarriedParameter {
  name: string;
  value: string;
  /** `requires-reboot` parameters only reach the nodes at a reboot; flagged, never dropped. */
  requiresReboot: boolean;
}

export interface CarryOver {
  /** The custom group the values come from (the target's current group). */
  from: string;
  parameters: CarriedParameter[];
}

/**
 * What a new group replacing the target's current group must carry over, or undefined when nothing needs to
 * (the current group is a default one, or none). `skip` names values the plan sets itself (noeviction...).
 */
export function carryOverFor(
  snapshot: Snapshot,
  t: ResolvedTarget,
  skip: string[],
): ReadResult<CarryOver> | undefined {
  const from = t.parameterGroupName;
  if (!from || isDefaultParameterGroup(from)) return undefined;
  const read = snapshot.parameters[from] ?? snapshot.parameters[from.toLowerCase()];
  if (!read) {
    return {
      ok: false,
      problem: {
        code: "unknown",
        message: `The settings of ${from} were not read, so they cannot be carried over into the new group: preview again.`,
        operation: "DescribeCacheParameters",
        region: snapshot.region,
        retryable: true,
      },
    };
  }
  if (!read.ok) {
    const why = read.problem.message;
    return {
      ok: false,
      problem: {
        ...read.problem,
        message: `The settings of ${from} could not be read (${why}), so they cannot be carried over into the new group.`,
      },
    };
  }
  const parameters = read.value
    .filter((p) => p.source === "user" && p.value !== undefined && !skip.includes(p.name))
    .map((p) => ({ name: p.name, value: p.value!, requiresReboot: p.changeType === "requires-reboot" }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { ok: true, value: { from, parameters } };
}
