import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ApplyRun, StepStatus } from "@/lib/adapters/db/run-records";
import { plural } from "@/lib/core/text/plural";

const STEP_TONE: Record<StepStatus, BadgeTone> = {
  pending: "neutral",
  running: "blue",
  done: "green",
  skipped: "neutral",
  failed: "red",
};
const STEP_LABEL: Record<StepStatus, string> = {
  pending: "not started",
  running: "running",
  done: "done",
  skipped: "already in place",
  failed: "failed",
};

/** Each step of a run with what happened to it, in plan order. */
export function RunSteps({ run }: { run: ApplyRun }) {
  return (
    <ol aria-label="Apply steps" className="divide-y divide-slate-100 rounded-lg border border-slate-200">
      {run.steps.map((s, i) => (
        <li
          key={s.id}
          className="flex flex-wrap items-start gap-3 px-4 py-2.5"
          data-testid={`run-step-${s.id}`}
        >
          <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600">
            {i + 1}
          </span>
          <div className="min-w-0 flex-1">
            <p className="text-[13px] font-medium text-slate-900 [overflow-wrap:anywhere]">{s.title}</p>
            <p className="font-mono text-xs text-slate-500">{s.operation}</p>
            {s.message ? <p className="mt-0.5 text-xs text-slate-600">{s.message}</p> : null}
          </div>
          <Badge tone={STEP_TONE[s.status]} dot>
            {STEP_LABEL[s.status]}
          </Badge>
        </li>
      ))}
      <li className="flex flex-wrap items-start gap-3 px-4 py-2.5">
        <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600">
          {run.steps.length + 1}
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-[13px] font-medium text-slate-900">
            Wait for {run.target.id} to apply the changes, then re-run the readiness rules
          </p>
          {run.convergence && run.phase === "converging" ? (
            <p className="mt-0.5 text-xs text-slate-600">
              {plural(run.convergence.polls, "poll")} since {run.convergence.since.slice(11, 19)} UTC ·
              waiting for: {run.convergence.last}
            </p>
          ) : null}
          {run.convergence && run.phase !== "converging" && run.status === "succeeded" ? (
            <p className="mt-0.5 text-xs text-slate-600">
              Every member reported the new settings applied; the readiness rules ran on a fresh read.
            </p>
          ) : null}
          {run.convergence && run.phase === "finished" && run.status !== "succeeded" ? (
            <p className="mt-0.5 text-xs text-slate-600">Last seen: {run.convergence.last}</p>
          ) : null}
        </div>
        <Badge
          tone={
            run.phase === "finished"
              ? run.status === "succeeded"
                ? "green"
                : "red"
              : run.phase === "executing"
                ? "neutral"
                : "blue"
          }
          dot
        >
          {run.phase === "finished"
            ? run.status === "succeeded"
              ? "done"
              : "stopped"
            : run.phase === "executing"
              ? "not started"
              : run.phase}
        </Badge>
      </li>
    </ol>
  );
}
