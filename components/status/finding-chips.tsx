import { cx } from "@/components/ui/cx";
import type { Finding, Severity } from "@/lib/readiness/types";
import { ruleChip, severityLabel } from "./status-labels";

const CHIP: Record<Exclude<Severity, "pass">, { glyph: string; className: string }> = {
  fail: { glyph: "✕", className: "bg-red-50 text-red-700 ring-red-600/20" },
  unknown: { glyph: "?", className: "bg-violet-50 text-violet-700 ring-violet-600/20" },
  warn: { glyph: "!", className: "bg-amber-50 text-amber-800 ring-amber-600/25" },
  info: { glyph: "i", className: "bg-sky-50 text-sky-700 ring-sky-600/20" },
};

/**
 * A table row's findings as short chips (passes left out): a glyph and words per severity so colour is not
 * the only signal, the finding's full title as tooltip. Everything else is on the detail page, which keeps
 * a 1,000-row table light.
 */
export function FindingChips({ findings }: { findings: Finding[] }) {
  const shown = findings.filter((f): f is Finding & { severity: Exclude<Severity, "pass"> } => f.severity !== "pass");
  if (shown.length === 0) return <span className="text-xs text-slate-500">all checks pass</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {shown.map((f, i) => (
        <li
          key={i}
          title={f.title}
          className={cx("inline-flex items-center gap-1 rounded px-1.5 py-px text-[11px] font-medium ring-1 ring-inset", CHIP[f.severity].className)}
        >
          <span aria-hidden className="font-semibold">{CHIP[f.severity].glyph}</span>
          <span className="sr-only">{severityLabel(f.severity)}:</span>
          {ruleChip(f.ruleId)}
        </li>
      ))}
    </ul>
  );
}
