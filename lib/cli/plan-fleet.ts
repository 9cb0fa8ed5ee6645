/**
 * The plans behind `npm run plan`: every chosen target of every chosen region, each planned exactly as the
 * wizard's preview plans it (the same focused read, the same recommendations, the same planner), so the
 * fingerprint apply recomputes is made from the same reads.
 */
import { planFromLiveState, readTarget } from "@/lib/services/apply/plan-live";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { collect } from "@/lib/services/collect/collect";
import { openScope, type ScopeAccess } from "@/lib/services/estate/scope-access";
import {
  suggestions,
  targetOptions,
  type AlarmChoice,
  type FieldErrors,
  type Plan,
  type TargetChoice,
  type TargetOption,
} from "@/lib/core/plan";
import { classifyPlan, type NotPlanned } from "@/lib/core/plan-file";
import { choicesFor, type ChoiceFlags } from "./plan-choices";

export interface FleetRequest {
  /** Empty with `all`: every target in the regions. */
  clusters: string[];
  all: boolean;
  flags: ChoiceFlags;
  /** The memory alarm for every target; undefined: the default (80 %, the default topic). */
  alarm?: AlarmChoice;
}

export interface Invalid {
  accountId: string;
  region: string;
  id: string;
  fieldErrors: FieldErrors;
}

export interface Fleet {
  planned: Plan[];
  notPlanned: NotPlanned[];
  /** Choices that fail the wizard's checks: the command exits 2. */
  invalid: Invalid[];
  /** Names asked for with --cluster and found in no region. */
  missing: string[];
  /** Regions whose listing failed, with the reason. */
  unreadable: string[];
  /** The same, per account and region. */
  failedScopes: { accountId: string; region: string; reason: string }[];
}

/** One account to plan in: credentials that read it (and its regions); `label` prefixes its messages. */
export interface PlanAccount {
  settings: AwsSettings;
  regions: string[];
  label?: string;
  accountId: string;
}

type Outcome = { plan: Plan } | { notPlanned: NotPlanned } | { invalid: Invalid };

/** What planOne needs of a target: the wizard's option (ElastiCache or MemoryDB). */
type PlanOption = Pick<TargetOption, "kind" | "id" | "selectable" | "busy" | "reason">;

async function planOne(
  access: ScopeAccess,
  option: PlanOption,
  flags: ChoiceFlags,
  claimed: Set<string>,
  alarm: AlarmChoice | undefined,
): Promise<Outcome> {
  const { accountId, region } = access.scope;
  const ref = { accountId, region, kind: option.kind, id: option.id };
  if (!option.selectable || option.kind === "serverless") {
    // A busy cluster (modifying, snapshotting) is fixable later: blocked now, not unfixable.
    const status = option.busy ? "blocked" : "not-fixable";
    return { notPlanned: { ...ref, status, reason: option.reason ?? "It cannot be fixed." } };
  }
  const target: TargetChoice = { region, kind: option.kind, id: option.id };
  // As the wizard reads for its parameter group step: the family's custom groups are reuse offers.
  const snapshot = await readTarget(access, target, [], { reuseCandidates: true });
  const found = suggestions(snapshot, target);
  if (!found.ok)
    return { invalid: { accountId, region, id: option.id, fieldErrors: { target: [found.message] } } };
  const taken = new Set([
    ...claimed,
    ...(snapshot.parameterGroups.ok ? snapshot.parameterGroups.value : []).map((g) => g.name.toLowerCase()),
    ...(snapshot.memorydb?.parameterGroups.ok ? snapshot.memorydb.parameterGroups.value : []).map(
      (g) => g.name,
    ),
  ]);
  const choices = choicesFor(target, found.value, flags, taken);
  if (!choices.ok) return { invalid: { accountId, region, id: option.id, fieldErrors: choices.fieldErrors } };
  const withAlarm = alarm ? { ...choices.value, alarm } : choices.value;
  const result = await planFromLiveState(access, withAlarm);
  if (!result.ok) return { invalid: { accountId, region, id: option.id, fieldErrors: result.fieldErrors } };
  const classified = classifyPlan(result.plan);
  if ("plan" in classified) {
    for (const step of classified.plan.steps)
      // A MemoryDB cluster's group too: two clusters planned together must not fill one new group twice.
      if (
        (step.kind === "create-parameter-group" || step.kind === "create-memorydb-parameter-group") &&
        step.action === "create"
      )
        claimed.add(step.input.name.toLowerCase());
  }
  return classified;
}

/** Every chosen target of every region (every scope) of every account, one after the other. */
export async function planAccounts(accounts: PlanAccount[], request: FleetRequest): Promise<Fleet> {
  const fleet: Fleet = {
    planned: [],
    notPlanned: [],
    invalid: [],
    missing: [],
    unreadable: [],
    failedScopes: [],
  };
  const seen = new Set<string>();
  for (const account of accounts) {
    for (const region of account.regions) {
      const access = await openScope(account.settings, region);
      const snapshot = await collect(access);
      const options = targetOptions(snapshot);
      if (options.problems.length > 0) {
        const where = account.label ? `${account.label} ${region}` : region;
        fleet.unreadable.push(`${where}: ${options.problems.join(" ")}`);
        fleet.failedScopes.push({ accountId: account.accountId, region, reason: options.problems.join(" ") });
        continue;
      }
      const chosen: PlanOption[] = options.clusters.filter(
        (c) => request.all || request.clusters.includes(c.id),
      );
      // Parameter group names the targets planned so far in this account-region will create.
      const claimed = new Set<string>();
      for (const option of chosen) {
        seen.add(option.id);
        const outcome = await planOne(access, option, request.flags, claimed, request.alarm);
        if ("plan" in outcome) fleet.planned.push(outcome.plan);
        else if ("notPlanned" in outcome) fleet.notPlanned.push(outcome.notPlanned);
        else fleet.invalid.push(outcome.invalid);
      }
    }
  }
  fleet.missing = request.clusters.filter((id) => !seen.has(id));
  return fleet;
}
