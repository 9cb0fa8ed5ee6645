import "server-only";
import { parseAuditQuery, type AuditQuery, type SearchParams } from "@/components/status/audit-query";
import { chooseRegions, type RegionChoice } from "@/components/status/region-choice";
import { readAwsSettings, type AwsSettings } from "@/lib/adapters/aws/settings";
import type { AwsProblem } from "@/lib/core/model/resources";

export type StatusView =
  | { ok: true; settings: AwsSettings; choice: RegionChoice; query: AuditQuery }
  | { ok: false; problem: AwsProblem };

/**
 * What a status request asks for: the regions (only configured ones), the filters and the sort. Settings are
 * read per request so a broken QUEUEREADY_REGIONS shows as a panel, not a crash. Shared by the page and the
 * export route so a download holds what the page shows.
 */
export function resolveView(params: SearchParams): StatusView {
  const read = readAwsSettings(process.env);
  if (!read.ok) return read;
  const { settings } = read;
  return {
    ok: true,
    settings,
    choice: chooseRegions(params, settings.regions, settings.defaultRegion),
    query: parseAuditQuery(params),
  };
}
