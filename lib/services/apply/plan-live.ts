/**
 * The plan for a set of choices from live state read now, through the inventory's focused collector (the
 * target and what it references). The preview and apply's re-check both go through here, so apply compares
 * its fingerprint against a plan made from exactly the same reads.
 */
import { listTagsForResource } from "@/lib/adapters/aws/elasticache/reads";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { collect } from "@/lib/services/collect/collect";
import { openScope, type ScopeAccess } from "@/lib/services/estate/scope-access";
import type { FocusedSnapshot } from "@/lib/core/model/snapshot";
import {
  targetRefOf,
  tryComputePlan,
  type PlanResult,
  type TargetChoice,
  type WizardChoices,
} from "@/lib/core/plan";
import { parameterGroupNamed } from "@/lib/core/model/shared-groups";
import { MEMORYDB_FAMILIES, memoryDbDefaultGroup } from "@/lib/core/model/memorydb";
import { withAlarmDefaults } from "@/lib/services/estate/alarm-topic";

/**
 * The target of `choice` and what it references, read now, plus the parameters of `groupNames` (and of
 * the family's custom groups with `reuseCandidates`, for the parameter group step's offers).
 */
export async function readTarget(
  access: ScopeAccess,
  choice: TargetChoice,
  groupNames: string[] = [],
  opts: { reuseCandidates?: boolean } = {},
): Promise<FocusedSnapshot> {
  const target = targetRefOf({ scope: access.scope }, choice);
  // A MemoryDB group's own values are those that differ from its family's default group: read those too.
  const defaults = choice.kind === "memorydb-cluster" ? MEMORYDB_FAMILIES.map(memoryDbDefaultGroup) : [];
  const parameterGroups = [...groupNames, ...defaults].map((n) => n.toLowerCase());
  return collect(access, { target, parameterGroups, ...opts });
}

/** `seen` receives the snapshot read (apply asks it who owns what, without reading again). */
export async function planFromLiveState(
  access: ScopeAccess,
  choices: WizardChoices,
  seen?: (snapshot: FocusedSnapshot) => void,
): Promise<PlanResult> {
  const resolved = withAlarmDefaults(choices, access.scope.accountId);
  if (!resolved.ok) return resolved;
  const snapshot = await readTarget(access, choices.target, [choices.parameterGroup.name]);
  seen?.(snapshot);
  await readResumeTags(access, snapshot, choices);
  return tryComputePlan(snapshot, resolved.choices);
}

/**
 * A resumed run may find the group it meant to create already there: its tags (one ListTagsForResource,
 * only then) tell the planner whether that run made it. Security groups carry their tags in the read.
 */
async function readResumeTags(access: ScopeAccess, snapshot: FocusedSnapshot, choices: WizardChoices) {
  if (!choices.resume || choices.parameterGroup.mode !== "create" || !snapshot.parameterGroups.ok) return;
  const name = choices.parameterGroup.name.trim().toLowerCase();
  const group = parameterGroupNamed(snapshot, name);
  if (!group?.arn) return;
  const tags = await listTagsForResource(access.ctx, group.arn);
  group.tags = Object.fromEntries(tags.map((t) => [t.key, t.value]));
}

/** The scope the choices' region is read in (the credentials' account). */
export function scopeFor(settings: AwsSettings, choices: WizardChoices): Promise<ScopeAccess> {
  return openScope(settings, choices.target.region);
}
