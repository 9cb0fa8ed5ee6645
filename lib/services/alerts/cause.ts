/**
 * Why a target changed, where AWS says it: ElastiCache DescribeEvents for the target and the parameter
 * group(s) it uses now, in the window (since, at] of the event. Looked up once per event, with the
 * account's read settings; a lookup that fails is retried by the next delivery pass, never invented.
 */
import { createAwsContext, type AwsContext } from "@/lib/adapters/aws/context";
import { listCacheClusters, listEvents, listReplicationGroups } from "@/lib/adapters/aws/elasticache/reads";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { CacheEvent } from "@/lib/core/model/resources";
import { AwsError } from "@/lib/adapters/aws/errors";

export interface CauseEntry {
  at: string;
  sourceType: string;
  sourceId: string;
  message: string;
}

export interface CauseQuery {
  region: string;
  kind: string;
  targetId: string;
  since: Date | null;
  at: Date;
}

/** Without a known start, the hour before the change (DescribeEvents' own default). */
const DEFAULT_WINDOW_MS = 60 * 60_000;

const notFound = (err: unknown) => err instanceof AwsError && err.problem.code === "not-found";

/** The parameter groups the target's members use now (a deleted target has none). */
async function parameterGroupsOf(ctx: AwsContext, kind: string, id: string): Promise<string[]> {
  try {
    let memberIds = [id];
    if (kind === "replication-group") {
      const [group] = await listReplicationGroups(ctx, { id });
      memberIds = group?.memberClusterIds.slice(0, 1) ?? [];
    } else if (kind !== "cache-cluster") return [];
    const clusters = await Promise.all(memberIds.map((m) => listCacheClusters(ctx, { id: m })));
    return [...new Set(clusters.flat().flatMap((c) => (c.parameterGroup ? [c.parameterGroup.name] : [])))];
  } catch (err) {
    if (notFound(err)) return [];
    throw err;
  }
}

const SOURCE_TYPES: Record<string, "replication-group" | "cache-cluster" | "serverless-cache"> = {
  "replication-group": "replication-group",
  "cache-cluster": "cache-cluster",
  serverless: "serverless-cache",
  "serverless-cache": "serverless-cache",
};

/** AWS's events for the target and its parameter groups in the window, oldest first. */
export async function lookupCause(settings: AwsSettings, q: CauseQuery): Promise<CauseEntry[]> {
  const ctx = createAwsContext(settings, q.region);
  const startTime = q.since ?? new Date(q.at.getTime() - DEFAULT_WINDOW_MS);
  const window = { startTime, endTime: q.at };
  const groups = await parameterGroupsOf(ctx, q.kind, q.targetId);
  const reads: Promise<CacheEvent[]>[] = [
    listEvents(ctx, { sourceId: q.targetId, sourceType: SOURCE_TYPES[q.kind], ...window }),
    ...groups.map((g) => listEvents(ctx, { sourceId: g, sourceType: "cache-parameter-group", ...window })),
  ];
  const events = (await Promise.all(reads)).flat();
  // (since, at]: an event at the very instant of the last good read happened before it.
  return events
    .filter((e) => Date.parse(e.date) > startTime.getTime() && Date.parse(e.date) <= q.at.getTime())
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date))
    .map((e) => ({ at: e.date, sourceType: e.sourceType, sourceId: e.sourceId, message: e.message }));
}

const hhmm = (iso: string) => `${iso.slice(11, 16)} UTC`;

/** One line for people: "Modified replication group orders-redis7 at 14:02 UTC; ...", or null. */
export function causeSummary(cause: CauseEntry[] | null | undefined): string | null {
  if (!cause || cause.length === 0) return null;
  return cause
    .slice(-3)
    .map((c) => `${c.message} (${c.sourceType} ${c.sourceId}) at ${hhmm(c.at)}`)
    .join("; ");
}
