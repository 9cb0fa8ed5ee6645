import "server-only";
import { AwsError, awsSettingsFromEnv, type AwsSettings } from "@/lib/aws";
import type { AwsProblem } from "@/lib/aws/types";

export type RegionChoice =
  | { ok: true; settings: AwsSettings; region: string; requested?: string }
  | { ok: false; problem: AwsProblem };

/**
 * The region the page shows: `?region=` when it is one of the configured regions, else the default
 * (and `requested` names what was asked for, so the page can say it is not configured). Settings are
 * read per request so a broken QUEUEREADY_REGIONS shows as a panel, not a crash.
 */
export function resolveRegion(param: string | string[] | undefined): RegionChoice {
  let settings: AwsSettings;
  try {
    settings = awsSettingsFromEnv(process.env);
  } catch (err) {
    if (err instanceof AwsError) return { ok: false, problem: err.problem };
    throw err;
  }
  const asked = typeof param === "string" ? param : undefined;
  if (!asked || asked === settings.defaultRegion) return { ok: true, settings, region: settings.defaultRegion };
  if (settings.regions.includes(asked)) return { ok: true, settings, region: asked };
  return { ok: true, settings, region: settings.defaultRegion, requested: asked.slice(0, 40) };
}
