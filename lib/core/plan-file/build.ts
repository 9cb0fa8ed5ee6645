/** Makes a plan file from plans: each target as the web preview exports it, then the content hash. */
import { renderJson, type Plan, type PlanExport } from "@/lib/core/plan";
import { PLAN_FILE_FORMAT, type NotPlanned, type PlanFile } from "./format";
import { withHash } from "./hash";
import { signPlanFile, type PlanSigningKey } from "./signing";

export interface PlanFileInput {
  plans: Plan[];
  notPlanned?: NotPlanned[];
  createdBy: PlanFile["createdBy"];
  /**
   * The principal each plan's calls run as (its account's apply role, or QueueReady's own credentials),
   * recorded per call with the IAM actions as the preview's JSON export does; undefined leaves it out.
   */
  runsAs?: (plan: Plan) => string | undefined;
  /** Regions looked at, including ones where nothing needed a change. */
  regions?: string[];
  now?: Date;
  /** Signs the file (QUEUEREADY_PLAN_SIGNING_KEY, see planSigningKey); without it the file is unsigned. */
  signingKey?: PlanSigningKey;
}

const sorted = (items: string[]) => [...new Set(items)].sort();

export function buildPlanFile(input: PlanFileInput): PlanFile {
  const notPlanned = input.notPlanned ?? [];
  const refs = [...input.plans.map((p) => p.target), ...notPlanned];
  const file = withHash({
    format: PLAN_FILE_FORMAT,
    version: 1,
    createdAt: (input.now ?? new Date()).toISOString(),
    createdBy: input.createdBy,
    accountIds: sorted(refs.map((r) => r.accountId)),
    regions: sorted([...(input.regions ?? []), ...refs.map((r) => r.region)]),
    // Through the preview's own export, so a target here is byte for byte what the browser's JSON shows.
    targets: input.plans.map(
      (plan) => JSON.parse(renderJson(plan, { runsAs: input.runsAs?.(plan) })) as PlanExport,
    ),
    notPlanned,
  });
  return input.signingKey ? signPlanFile(file, input.signingKey) : file;
}

export function serializePlanFile(file: PlanFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** `queueready-plan-us-east-1-orders-redis7.plan.json`, or `…-3-targets…` for a fleet plan. */
export function planFileName(file: PlanFile): string {
  const only = file.targets.length === 1 ? file.targets[0]!.plan.target : undefined;
  const what = only ? `${only.region}-${only.id}` : `${file.targets.length}-targets`;
  return `queueready-plan-${what}.plan.json`;
}
