import type { Finding, Severity } from "@/lib/core/readiness/types";
import { ruleChip, severityLabel } from "./status-labels";

const GLYPHS: Record<Exclude<Severity, "pass">, string> = { fail: "✕", unknown: "?", warn: "!", info: "i" };

/**
 * A table row's findings as short chips (passes left out): a glyph, and for screen readers the severity in
 * words, so colour is never the only signal; the finding's full title is the tooltip. Styled by the table
 * (audit-table-styles.ts) to keep 1,000 rows light; everything else is on the detail page.
 */
export function FindingChips({ findings }: { findings: Pick<Finding, "ruleId" | "severity" | "title">[] }) {
  const shown = findings.filter(
    (f): f is Pick<Finding, "ruleId" | "title"> & { severity: Exclude<Severity, "pass"> } =>
      f.severity !== "pass",
  );
  if (shown.length === 0) return <small>all checks pass</small>;
  return (
    <ul>
      {shown.map((f, i) => (
        <li key={i} data-s={f.severity} title={f.title}>
          <b aria-hidden>{GLYPHS[f.severity]}</b>
          <span>{`${severityLabel(f.severity)}: `}</span>
          {ruleChip(f.ruleId)}
        </li>
      ))}
    </ul>
  );
}
