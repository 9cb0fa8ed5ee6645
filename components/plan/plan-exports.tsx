import { buttonClasses } from "@/components/ui/button";
import { CopyButton } from "@/components/plan/copy-button";
import { exportHint } from "@/components/plan/format";
import { renderCli, renderJson, type Plan } from "@/lib/core/plan";

/** The same plan as an AWS CLI script and as JSON: shown, copyable, and downloadable from the recorded preview. */
export function PlanExports({ plan, previewId, runsAs }: { plan: Plan; previewId: string; runsAs?: string }) {
  const cli = renderCli(plan, { runsAs });
  const json = renderJson(plan, { runsAs });
  const hint = exportHint(plan);
  return (
    <section aria-labelledby="plan-exports" className="space-y-3">
      <h2 id="plan-exports" className="text-[14px] font-semibold text-slate-900">
        The same plan, exported
      </h2>
      <div className="flex flex-wrap items-center gap-3">
        <a className={buttonClasses("secondary", "sm")} href={`/changes/plan/${previewId}/file`} download>
          Download plan file
        </a>
        <p className="text-xs text-slate-600">
          {hint.lead}
          {hint.command ? <code className="font-mono">{hint.command}</code> : null}
          {hint.tail}
        </p>
      </div>
      <details className="rounded-lg border border-slate-200">
        <summary className="cursor-pointer px-4 py-2.5 text-[13px] font-medium text-slate-800">
          AWS CLI script
        </summary>
        <div className="space-y-2 border-t border-slate-200 p-3">
          <div className="flex flex-wrap items-center gap-2">
            <CopyButton text={cli} label="Copy script" />
            <a
              className={buttonClasses("secondary", "sm")}
              href={`/changes/plan/${previewId}?format=sh`}
              download
            >
              Download .sh
            </a>
          </div>
          <pre
            data-testid="plan-cli"
            className="max-h-96 overflow-auto rounded bg-slate-900 p-3 text-[12px] leading-relaxed text-slate-100"
          >
            {cli}
          </pre>
        </div>
      </details>
      <details className="rounded-lg border border-slate-200">
        <summary className="cursor-pointer px-4 py-2.5 text-[13px] font-medium text-slate-800">JSON</summary>
        <div className="space-y-2 border-t border-slate-200 p-3">
          <a
            className={buttonClasses("secondary", "sm")}
            href={`/changes/plan/${previewId}?format=json`}
            download
          >
            Download JSON
          </a>
          <pre className="max-h-96 overflow-auto rounded bg-slate-900 p-3 text-[12px] text-slate-100">
            {json}
          </pre>
        </div>
      </details>
    </section>
  );
}
