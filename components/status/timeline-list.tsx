import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatUtc, type TimelineEntry } from "@/lib/web/history/timeline-view";
import { VERDICT_LABELS, type Verdict } from "@/lib/core/readiness/types";

const TONES: Record<TimelineEntry["event"], BadgeTone> = {
  "first-seen": "neutral",
  new: "amber",
  regressed: "red",
  resolved: "green",
  changed: "blue",
};

const verdictLabel = (v: string | null) => (v ? (VERDICT_LABELS[v as Verdict] ?? v) : "none");

function Cause({ cause }: { cause: string | null }) {
  if (cause === null) return <span className="text-slate-500">Cause: not looked up yet.</span>;
  if (cause === "") return <span className="text-slate-500">Cause: AWS recorded no event around it.</span>;
  return <span>Cause (AWS events): {cause}</span>;
}

/** Events as a list, newest first: when, what, the verdicts, the rules that changed and the cause. */
export function TimelineList<E extends TimelineEntry>({
  entries,
  heading,
}: {
  entries: E[];
  heading?: (e: E) => ReactNode;
}) {
  return (
    <ol className="divide-y divide-slate-100">
      {entries.map((e) => (
        <li key={e.id} className="space-y-1 px-4 py-3 text-[13px] sm:px-5">
          <div className="flex flex-wrap items-center gap-2">
            <time dateTime={e.at} className="font-mono text-xs text-slate-500">
              {formatUtc(e.at)}
            </time>
            <Badge tone={TONES[e.event]}>{e.headline}</Badge>
            {heading?.(e)}
            <span className="text-slate-600">
              {e.verdictBefore ? `${verdictLabel(e.verdictBefore)} → ` : ""}
              {verdictLabel(e.verdictAfter)}
            </span>
          </div>
          {e.changes.length > 0 ? (
            <ul className="list-inside list-disc text-slate-700">
              {e.changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ) : null}
          {e.cause !== undefined ? (
            <p className="text-slate-700">
              <Cause cause={e.cause} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
