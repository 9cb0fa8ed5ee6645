import { cpus } from "node:os";
import type { BatchResult } from "./load-batch";
import { LOAD_GOAL_AUDIT_RATIO, LOAD_GOAL_USERS, type LoadResult } from "./measure-load";
import { ms } from "./table";

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** One row of the outcome table: every load by what it came back as, and memory around the bursts. */
function outcomeRow(label: string, b: BatchResult): string {
  const o = b.outcomes;
  return (
    `| ${label} | ${b.count} | ${o.complete} | ${o.incomplete} | ${o["sent-to-sign-in"]} | ${o.unavailable} | ` +
    `${o["rate-limited"]} | ${o.error} | ${mb(b.rssBeforeBytes)} | ${b.rssAfterBurstBytes.map(mb).join(" -> ")} |`
  );
}

/** The load figures as Markdown tables (pasted as is into notes), then the problems, if any. */
export function renderLoad(r: LoadResult): string {
  const total = r.loads * r.bursts;
  const goal =
    r.goalP95Ms === null
      ? `none above ${LOAD_GOAL_USERS} users`
      : `< ${ms(r.goalP95Ms)}: ${r.p95Ms < r.goalP95Ms && r.complete === total ? "met" : "missed"}`;
  const d = r.duringAudit;
  const ratioMet = r.auditP95Ratio <= LOAD_GOAL_AUDIT_RATIO && d.complete === total;
  const lines = [
    `Status page under load: ${r.users} signed-in users, ${r.bursts} burst(s) of ${r.loads} loads, ` +
      `${r.clusters} clusters, ${r.replicas} replica(s) on the ${r.database} database, ` +
      `sandbox latency ${r.latencyMs} ms`,
    "",
    "| median | p95 | min | max | complete | wall | server CPU per load | page | targets in HTML | peak RSS per replica | p95 goal |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    `| ${ms(r.medianMs)} | ${ms(r.p95Ms)} | ${ms(r.minMs)} | ${ms(r.maxMs)} | ${r.complete}/${total} | ` +
      `${ms(r.wallMs)} | ${ms(r.serverCpuMsPerLoad)} | ${Math.round(r.htmlBytes / 1024)} KB | ${r.idsFound}/${r.idsExpected} | ` +
      `${r.replicaPeakRssBytes.map(mb).join(", ")} | ${goal} |`,
    "",
    `While audits of the estate ran back to back (${d.audits} finished during the loads):`,
    "",
    "| median | p95 | min | max | complete | wall | server CPU per load | p95 / idle p95 | goal |",
    "|---|---|---|---|---|---|---|---|---|",
    `| ${ms(d.medianMs)} | ${ms(d.p95Ms)} | ${ms(d.minMs)} | ${ms(d.maxMs)} | ${d.complete}/${total} | ` +
      `${ms(d.wallMs)} | ${ms(d.serverCpuMsPerLoad)} | ${r.auditP95Ratio.toFixed(2)}x | ` +
      `<= ${LOAD_GOAL_AUDIT_RATIO}x: ${ratioMet ? "met" : "missed"} |`,
    "",
    "Every load by what it came back as, and all replicas' RSS before the first burst and after each:",
    "",
    "| | loads | complete | incomplete | sent to sign-in | 503 (retry) | 429 (retry) | errors | RSS before | RSS after each burst |",
    "|---|---|---|---|---|---|---|---|---|---|",
    outcomeRow("idle", r),
    outcomeRow("while audits ran", d),
    "",
    `First complete page ${ms(r.firstCompleteMs)} after the server(s) started (untimed warm-up). ` +
      `Machine load average ${r.loadAverage.map((l) => l.toFixed(1)).join(" -> ")} on ${cpus().length} cores.`,
  ];
  const problems = [...r.problems, ...d.problems.map((p) => `while audits ran, ${p}`), ...d.auditProblems];
  if (problems.length > 0) lines.push("Incomplete or failed loads:", ...problems.map((p) => `  - ${p}`));
  return lines.join("\n");
}
