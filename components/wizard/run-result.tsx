import { CopyButton } from "@/components/plan/copy-button";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import type { ApplyRun } from "@/lib/adapters/db/run-records";
import { VERDICT_LABELS, type Verdict } from "@/lib/core/readiness";

const VERDICT_TONE = {
  ready: "green",
  "needs-changes": "amber",
  incompatible: "red",
  "not-applicable": "neutral",
  unknown: "amber",
} as const;

/** The end of a run: the readiness verdict with its findings and the BullMQ snippet, or exactly what was and was not done. */
export function RunResult({ run }: { run: ApplyRun }) {
  const verdict = run.readiness?.verdict as Verdict | undefined;
  return (
    <div className="space-y-4">
      {run.outcome ? (
        <Notice tone="error" title="The apply stopped">
          <p>Done: {run.outcome.done.length > 0 ? run.outcome.done.join("; ") : "nothing"}.</p>
          <p>Not done: {run.outcome.notDone.length > 0 ? run.outcome.notDone.join("; ") : "nothing"}.</p>
        </Notice>
      ) : null}
      {run.readiness && verdict ? (
        <section aria-labelledby="verdict" className="space-y-3">
          <h2 id="verdict" className="flex items-center gap-2 text-[15px] font-semibold text-slate-900">
            Readiness of {run.target.id}:{" "}
            <Badge tone={VERDICT_TONE[verdict] ?? "neutral"} dot>
              {VERDICT_LABELS[verdict] ?? verdict}
            </Badge>
          </h2>
          <ul className="space-y-1 text-[13px] text-slate-700">
            {run.readiness.findings
              .filter((f) => f.severity !== "pass")
              .map((f) => (
                <li key={f.ruleId}>
                  <span className="font-mono text-xs text-slate-500">{f.severity}</span> {f.title}
                </li>
              ))}
          </ul>
          {run.readiness.snippet ? (
            <div className="space-y-2">
              <div className="flex items-center justify-between gap-3">
                <h3 className="text-[13px] font-semibold text-slate-900">Connect BullMQ</h3>
                <CopyButton text={run.readiness.snippet} label="Copy snippet" />
              </div>
              <pre
                data-testid="connection-snippet"
                className="overflow-x-auto rounded bg-slate-900 p-3 text-[12px] leading-relaxed text-slate-100"
              >
                {run.readiness.snippet}
              </pre>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
