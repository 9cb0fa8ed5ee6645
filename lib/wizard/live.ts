import "server-only";
import { readTarget } from "@/lib/apply/plan-live";
import { readAwsSettings, type AwsSettings, type AwsSettingsResult } from "@/lib/aws";
import { collect, openScope, type FocusedSnapshot, type RegionSnapshot } from "@/lib/inventory";
import type { TargetChoice } from "@/lib/plan";

export type SettingsResult = AwsSettingsResult;

/** The AWS settings, read per request so a broken environment shows as a panel rather than a crash. */
export function wizardSettings(): SettingsResult {
  return readAwsSettings(process.env);
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
