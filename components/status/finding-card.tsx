import { Badge } from "@/components/ui/badge";
import type { Finding } from "@/lib/core/readiness/types";
import { CopyBlock } from "./copy-block";
import { severityLabel, severityTone } from "./status-labels";

/** One finding with everything behind it: why it matters, what was observed against what was expected and where it was read, and the fix. */
export function FindingCard({ finding }: { finding: Finding }) {
  const r = finding.remediation;
  return (
    <article aria-label={finding.title} className="space-y-3 px-5 py-4">
      <header className="flex flex-wrap items-center gap-2">
        <Badge tone={severityTone(finding.severity)}>{severityLabel(finding.severity)}</Badge>
        <h3 className="text-sm font-semibold text-slate-900">{finding.title}</h3>
        <code className="ml-auto text-[11px] text-slate-600">{finding.ruleId}</code>
      </header>
      <p className="text-[13px] leading-relaxed text-slate-700">{finding.detail}</p>
      {finding.evidence.length > 0 ? (
        <table className="w-full text-left text-[12px]">
          <caption className="sr-only">Evidence for {finding.title}</caption>
          <thead className="text-[11px] uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">
                Observed
              </th>
              <th scope="col" className="py-1 pr-4 font-medium">
                Expected
              </th>
              <th scope="col" className="py-1 font-medium">
                Source
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {finding.evidence.map((e, i) => (
              <tr key={i} className="align-top">
                <td className="py-1.5 pr-4 font-mono text-slate-900 [overflow-wrap:anywhere]">
                  {e.observed}
                </td>
                <td className="whitespace-nowrap py-1.5 pr-4 font-mono text-slate-700">
                  {e.expected ?? "—"}
                </td>
                <td className="py-1.5 text-slate-500 [overflow-wrap:anywhere]">{e.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {r ? (
        <div className="space-y-2 rounded-md bg-slate-50 px-3 py-2.5">
          <p className="text-[13px] text-slate-800">
            <span className="font-medium">What to do: </span>
            {r.summary}
          </p>
          {r.cli.length > 0 ? <CopyBlock label="AWS CLI" text={r.cli.join("\n\n")} wrap /> : null}
        </div>
      ) : null}
    </article>
  );
}
