/**
 * What the wizard pre-fills for a cluster: the security group and source (reusing an equivalent rule when
 * one exists), the application's security group candidates, and the parameter group to create or reuse.
 */
import { newParameterGroupName } from "@/lib/core/readiness/group-name";
import { isDefaultParameterGroup, type AwsProblem } from "@/lib/core/model/resources";
import type { Snapshot } from "@/lib/core/model/snapshot";
import { isAnywhere } from "@/lib/core/net/cidr";
import type { NetworkChoice, ParameterGroupChoice, SourceChoice, TargetChoice } from "./choices";
import { ruleCoversPort } from "@/lib/core/net/port-rule";
import { describeRule, findSecurityGroup, parameterValue } from "./live-facts";
import {
  clustersUsingGroup,
  clustersUsingSecurityGroup,
  resolveTarget,
  valueOf,
  type ResolvedTarget,
} from "./target";
import { requiredClusterEnabled } from "./validate-parameter-group";
import type { NetworkTarget } from "./validate-network";
import { memoryDbSuggestions } from "./suggest-memorydb";
import { appGroupCandidates, uniqueSecurityGroupName, type AppGroupCandidate } from "./suggest-network";
import { parameterGroupsOfFamily } from "@/lib/core/model/shared-groups";
import { agreesWithTarget, copyNumber, isOwnGroupName } from "./group-reuse";

export interface Suggestions {
  /** MemoryDB's parameter groups are its own: created or reused, never edited in place, no `Source`. */
  service: "elasticache" | "memorydb";
  port: number | undefined;
  vpcId: string | undefined;
  family: string | undefined;
  clusterEnabled: boolean;
  network: {
    /**
     * Why the region's security groups could not be read: the attached groups and candidates below are then
     * empty for want of a read, not because there are none, and the step cannot be checked.
     */
    securityGroupsProblem?: AwsProblem;
    /** `sharedWith`: the other clusters that have the group (a rule added to it reaches them too). */
    attachedGroups: { id: string; name: string; rulesOnPort: string[]; sharedWith: string[] }[];
    appGroupCandidates: AppGroupCandidate[];
    /** An attached group's rule that already grants access on the port: choosing it makes the step a no-op. */
    equivalentRule?: { groupId: string; rule: string; source: SourceChoice };
    newGroupName: string;
    recommended?: NetworkChoice;
  };
  parameterGroup: {
    suggestedName: string;
    setsClusterEnabled: boolean;
    current?: { name: string; isDefault: boolean; policy?: string; otherUsers: string[] };
    /** Custom groups of the right family that already have noeviction. */
    reusable: { name: string; otherUsers: string[] }[];
    recommended: ParameterGroupChoice;
    /** Why an existing group is recommended over a new one, for the person choosing. */
    why?: string;
    /**
     * MemoryDB: what a new group takes over from the current custom group (its values that differ from the
     * family's default group), or why that is unknown. Absent when the current group is a default one.
     */
    carryOver?: { from: string; values: string[] } | { problem: string };
  };
}

function sourceChoiceOf(rule: {
  source: { kind: string; cidr?: string; groupId?: string };
}): SourceChoice | undefined {
  const s = rule.source;
  if (s.kind === "security-group" && s.groupId) return { kind: "security-group", groupId: s.groupId };
  if ((s.kind === "cidr" || s.kind === "cidr6") && s.cidr)
    return isAnywhere(s.cidr) ? { kind: "anywhere", acknowledged: true } : { kind: "cidr", cidr: s.cidr };
  return undefined;
}

/** The shared proposal (lib/core/readiness/group-name), against every group the region lists. */
export function suggestedGroupName(snapshot: Snapshot, t: ResolvedTarget): string {
  return newParameterGroupName(
    { family: t.family, engine: t.engine, clusterMode: t.clusterMode },
    (valueOf(snapshot.parameterGroups) ?? []).map((g) => g.name),
  );
}

function parameterGroupSuggestions(
  snapshot: Snapshot,
  t: ResolvedTarget,
  opts: SuggestionOptions,
): Suggestions["parameterGroup"] {
  const suggestedName = suggestedGroupName(snapshot, t);
  const others = (name: string) => clustersUsingGroup(snapshot, name).filter((c) => c !== t.ref.id);
  const policyOf = (name: string) => {
    const read = parameterValue(snapshot, name, "maxmemory-policy");
    return read.known ? read.value : undefined;
  };
  const fits = (name: string) => {
    const ce = parameterValue(snapshot, name, "cluster-enabled");
    return !ce.known || ce.value === requiredClusterEnabled(t);
  };
  const custom = parameterGroupsOfFamily(snapshot, t.family).filter(
    (g) => !isDefaultParameterGroup(g.name) && fits(g.name),
  );
  const reusable = custom
    .filter((g) => policyOf(g.name) === "noeviction")
    .map((g) => ({ name: g.name, otherUsers: others(g.name) }));
  const current = t.parameterGroupName
    ? {
        name: t.parameterGroupName,
        isDefault: isDefaultParameterGroup(t.parameterGroupName),
        policy: policyOf(t.parameterGroupName),
        otherUsers: others(t.parameterGroupName),
      }
    : undefined;
  // One group of our own per family (group-reuse.ts): the one a drifted cluster had, else the oldest copy.
  const attachable = (name: string) =>
    reusable.some((g) => g.name === name) && agreesWithTarget(snapshot, t, name);
  const previous = opts.previousGroup?.toLowerCase();
  const own = reusable
    .filter((g) => isOwnGroupName(t, g.name) && attachable(g.name))
    .sort((a, b) => copyNumber(a.name) - copyNumber(b.name))[0];
  // A group named like ours that nothing uses is most likely left by an apply that stopped half way: take it up.
  const leftover = custom.find(
    (g) => isOwnGroupName(t, g.name) && clustersUsingGroup(snapshot, g.name).length === 0,
  );
  let recommended: ParameterGroupChoice = { mode: "create", name: suggestedName };
  let why: string | undefined;
  if (current && reusable.some((g) => g.name === current.name))
    recommended = { mode: "reuse", name: current.name };
  else if (previous && attachable(previous)) {
    recommended = { mode: "reuse", name: previous };
    why = `The group QueueReady attached to ${t.ref.id} before it changed: attaching it again repairs the drift.`;
  } else if (own) {
    recommended = { mode: "reuse", name: own.name };
    why = `QueueReady's group for ${t.family}: one group per family keeps the region under its parameter group quota, and attaching it keeps every value set on ${t.parameterGroupName ?? "the current group"}.`;
  } else if (leftover) {
    recommended =
      policyOf(leftover.name) === "noeviction"
        ? { mode: "reuse", name: leftover.name }
        : { mode: "edit-shared", name: leftover.name, confirmedClusters: [] };
  }
  return { suggestedName, setsClusterEnabled: t.clusterMode, current, reusable, recommended, why };
}

export interface SuggestionOptions {
  /**
   * The group QueueReady last attached to this target (its newest apply): when the cluster drifted off it
   * (a template re-applied, a default group attached by hand), repairing re-attaches that group.
   */
  previousGroup?: string;
}

export function suggestions(
  snapshot: Snapshot,
  choice: TargetChoice,
  opts: SuggestionOptions = {},
): { ok: true; value: Suggestions } | { ok: false; message: string } {
  if (choice.kind === "memorydb-cluster") return memoryDbSuggestions(snapshot, choice);
  const resolved = resolveTarget(snapshot, choice);
  if (!resolved.ok) return resolved;
  const t = resolved.target;
  return {
    ok: true,
    value: {
      service: "elasticache",
      port: t.port,
      vpcId: t.vpcId,
      family: t.family,
      clusterEnabled: t.clusterMode,
      network: networkSuggestions(snapshot, t),
      parameterGroup: parameterGroupSuggestions(snapshot, t, opts),
    },
  };
}

/** The network step's suggestions: ElastiCache and MemoryDB targets alike. */
export function networkSuggestions(snapshot: Snapshot, t: NetworkTarget): Suggestions["network"] {
  const port = t.port;
  const attached = t.securityGroupIds
    .map((id) => findSecurityGroup(snapshot, id))
    .filter((g) => g !== undefined);
  let equivalentRule: Suggestions["network"]["equivalentRule"];
  if (port !== undefined) {
    const rank = (s: SourceChoice) => (s.kind === "security-group" ? 0 : s.kind === "cidr" ? 1 : 2);
    const found = attached
      .flatMap((g) =>
        g.ingress.filter((r) => ruleCoversPort(r, port)).map((r) => ({ g, r, s: sourceChoiceOf(r) })),
      )
      .filter((x): x is typeof x & { s: SourceChoice } => x.s !== undefined)
      .sort((a, b) => rank(a.s) - rank(b.s))[0];
    if (found)
      equivalentRule = { groupId: found.g.id, rule: describeRule(found.r, snapshot), source: found.s };
  }
  const candidates = appGroupCandidates(snapshot, t);
  const firstAttached = attached[0];
  let recommended: NetworkChoice | undefined;
  if (equivalentRule)
    recommended = {
      securityGroup: { mode: "existing", groupId: equivalentRule.groupId },
      source: equivalentRule.source,
    };
  else if (firstAttached && candidates[0]) {
    recommended = {
      securityGroup: { mode: "existing", groupId: firstAttached.id },
      source: { kind: "security-group", groupId: candidates[0].id },
    };
  }
  return {
    securityGroupsProblem: snapshot.securityGroups.ok ? undefined : snapshot.securityGroups.problem,
    attachedGroups: attached.map((g) => ({
      id: g.id,
      name: g.name,
      sharedWith: clustersUsingSecurityGroup(snapshot, g.id).filter((c) => c !== t.ref.id),
      rulesOnPort:
        port === undefined
          ? []
          : g.ingress.filter((r) => ruleCoversPort(r, port)).map((r) => describeRule(r, snapshot)),
    })),
    appGroupCandidates: candidates,
    equivalentRule,
    newGroupName: uniqueSecurityGroupName(snapshot, t),
    recommended,
  };
}
