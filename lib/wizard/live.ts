import "server-only";
import { collectPlanningSnapshot } from "@/lib/apply";
import { createAwsContext, readAwsSettings, type AwsSettings, type AwsSettingsResult } from "@/lib/aws";
import type { RegionSnapshot } from "@/lib/inventory/snapshot";
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
 * A fresh read of one region, narrowed to what the planner needs for `target` (its VPC's security groups,
 * its family's custom parameter groups). Never cached: every step checks the account as it is now.
 */
export async function readRegion(
  settings: AwsSettings,
  region: string,
  target?: TargetChoice,
  groupNames?: string[],
): Promise<RegionSnapshot> {
  const ctx = createAwsContext(settings, region);
  return collectPlanningSnapshot(ctx, { target, groupNames });
}
