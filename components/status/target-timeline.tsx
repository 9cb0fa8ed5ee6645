import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { loadTargetTimeline } from "@/lib/web/status/target-history";
import { TimelineList } from "./timeline-list";

/**
 * The detail page's history of one target, from the stored audits: first seen, each verdict change with
 * the rule that changed and the cause AWS recorded. Loads itself, so the page adds it with one element.
 */
export async function TargetTimeline({
  target,
}: {
  target: { accountId?: string; region: string; kind: string; id: string };
}) {
  let entries;
  try {
    entries = await loadTargetTimeline(target);
  } catch {
    entries = undefined;
  }
  return (
    <Card aria-label="History" className="mt-5">
      <CardHeader
        title="History"
        description="What the audits and the applies made here saw change, newest first. Times in UTC."
        actions={
          <Link href="/status/changes" className="text-[13px] font-medium text-indigo-700 hover:underline">
            All changes in the last 24 h
          </Link>
        }
      />
      {entries === undefined ? (
        <p className="px-4 py-4 text-[13px] text-slate-600 sm:px-5">
          The history could not be read from the database.
        </p>
      ) : entries.length === 0 ? (
        <p className="px-4 py-4 text-[13px] text-slate-600 sm:px-5">
          No scheduled audit has recorded this cluster yet.
        </p>
      ) : (
        <TimelineList entries={entries} />
      )}
    </Card>
  );
}
