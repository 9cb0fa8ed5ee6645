/** The audit as a plain aligned table for a terminal: one row per cluster, the most severe finding last. */
import { VERDICT_LABELS, countVerdicts, type ClusterAudit, type RegionAudit } from "@/lib/core/readiness";
import { plural } from "@/lib/core/text/plural";

const MAX_FINDING = 90;

function topFinding(c: ClusterAudit): string {
  const top = c.findings.find((f) => f.severity !== "pass");
  if (!top) return "";
  const text = `${top.severity}: ${top.title}`;
  return text.length > MAX_FINDING ? `${text.slice(0, MAX_FINDING - 1)}…` : text;
}

function row(c: ClusterAudit): string[] {
  const engine = [c.engine, c.engineVersion].filter(Boolean).join(" ") || "?";
  const g = c.parameterGroup;
  // Memcached has no eviction policy to show; elsewhere "?" means the policy could not be read.
  const group = g
    ? c.engine === "memcached"
      ? g.name
      : `${g.name} / ${g.policy ?? "?"}`
    : c.kind === "serverless"
      ? "(serverless)"
      : "-";
  return [VERDICT_LABELS[c.verdict], c.name, engine, c.region, group, topFinding(c)];
}

/** Columns padded to their widest cell; the last column is left ragged. */
export function alignColumns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function renderAuditTable(regions: RegionAudit[]): string {
  const clusters = regions.flatMap((r) => r.clusters);
  const lines: string[] = [];
  if (clusters.length > 0) {
    lines.push(
      alignColumns([
        ["VERDICT", "NAME", "ENGINE", "REGION", "GROUP / POLICY", "TOP FINDING"],
        ...clusters.map(row),
      ]),
      "",
    );
  }
  const counts = countVerdicts(clusters);
  const summary = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${VERDICT_LABELS[v as keyof typeof VERDICT_LABELS]}`);
  const accounts = [...new Set(regions.flatMap((r) => (r.scope ? [r.scope.accountId] : [])))];
  const account = accounts.length > 0 ? ` (account ${accounts.join(", ")})` : "";
  lines.push(
    `${plural(clusters.length, "cluster")} in ${regions.map((r) => r.region).join(", ")}${account}${summary.length ? `: ${summary.join(", ")}` : ""}.`,
  );
  for (const r of regions) {
    for (const p of r.problems) lines.push(`! ${r.region}: ${p.message}`);
  }
  return `${lines.join("\n")}\n`;
}
