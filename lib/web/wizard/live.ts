import "server-only";
import { readTarget } from "@/lib/services/apply/plan-live";
import type { AwsProblem } from "@/lib/core/model/resources";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { accountSettings, type EstateAccount } from "@/lib/services/estate";
import { collect } from "@/lib/services/collect/collect";
import { openScope } from "@/lib/services/estate/scope-access";
import type { FocusedSnapshot, RegionSnapshot } from "@/lib/core/model/snapshot";
import type { TargetChoice } from "@/lib/core/plan";

export type SettingsResult =
  | { ok: true; settings: AwsSettings; account: EstateAccount }
  | { ok: false; problem: AwsProblem; notFound?: boolean };

/**
 * The wizard account's settings: READ for every step and the preview, APPLY only for the actions that
 * change something. A broken environment or an unreachable account shows as a panel rather than a crash;
 * an account that is not configured comes back `notFound` (a 404, never a probe).
 */
export async function wizardSettings(
  account: string | undefined,
  purpose: "read" | "apply" = "read",
): Promise<SettingsResult> {
  const found = await accountSettings(account, purpose);
  if (found.ok) return found;
  if (found.notFound)
    return {
      ok: false,
      notFound: true,
      problem: { code: "not-found", message: found.message, retryable: false },
    };
  return found;
}

/** The region to show: the asked one when it is configured, else the default (the wizard only plans where it audits). */
export function regionOf(
  settings: AwsSettings,
  asked: string | undefined,
): { region: string; unconfigured?: string } {
  if (!asked || settings.regions.includes(asked)) return { region: asked ?? settings.defaultRegion };
  return { region: settings.defaultRegion, unconfigured: asked };
}

/**
 * Step 1's read: the whole region (every cluster is a candidate), through the same collector as the status
 * page. Never cached: every step checks the account as it is now.
 */
export async function readRegion(settings: AwsSettings, region: string): Promise<RegionSnapshot> {
  return collect(await openScope(settings, region));
}

/** Every later step's read: the chosen target and what it references, plus the parameters of `groupNames`. */
export async function readChoice(
  settings: AwsSettings,
  target: TargetChoice,
  groupNames: string[] = [],
  opts: { reuseCandidates?: boolean } = {},
): Promise<FocusedSnapshot> {
  return readTarget(await openScope(settings, target.region), target, groupNames, opts);
}
