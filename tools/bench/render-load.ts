import { cpus } from "node:os";
import { LOAD_GOAL_AUDIT_RATIO, type LoadResult } from "./measure-load";
import { ms } from "./table";

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** The load figures as a Markdown table (pasted as is into notes), then the problems, if any. */
export function renderLoad(r: LoadResult): string {
  const met = r.p95Ms < r.goalP95Ms && r.complete === r.loads;
  const d = r.duringAudit;
  const ratioMet = r.auditP95Ratio <= LOAD_GOAL_AUDIT_RATIO && d.complete === r.loads;
  const lines = [
    `Status page under load: ${r.users} signed-in users, ${r.loads} loads, ${r.clusters} clusters, ` +
      `${r.replicas} replica(s) on the ${r.database} database, sandbox latency ${r.latencyMs} ms`,
    "",
    "| median | p95 | min | max | complete | wall | server CPU per load | page | targets in HTML | peak RSS per replica | p95 goal |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    `| ${ms(r.medianMs)} | ${ms(r.p95Ms)} | ${ms(r.minMs)} | ${ms(r.maxMs)} | ${r.complete}/${r.loads} | ` +
      `${ms(r.wallMs)} | ${ms(r.serverCpuMsPerLoad)} | ${Math.round(r.htmlBytes / 1024)} KB | ${r.idsFound}/${r.idsExpected} | ` +
      `${r.replicaPeakRssBytes.map(mb).join(", ")} | < ${ms(r.goalP95Ms)}: ${met ? "met" : "missed"} |`,
    "",
    `While audits of the estate ran back to back (${d.audits} finished during the loads):`,
    "",
    "| median | p95 | min | max | complete | wall | server CPU per load | p95 / idle p95 | goal |",
    "|---|---|---|---|---|---|---|---|---|",
    `| ${ms(d.medianMs)} | ${ms(d.p95Ms)} | ${ms(d.minMs)} | ${ms(d.maxMs)} | ${d.complete}/${r.loads} | ` +
      `${ms(d.wallMs)} | ${ms(d.serverCpuMsPerLoad)} | ${r.auditP95Ratio.toFixed(2)}x | ` +
      `<= ${LOAD_GOAL_AUDIT_RATIO}x: ${ratioMet ? "met" : "missed"} |`,
    "",
    `First complete page ${ms(r.firstCompleteMs)} after the server(s) started (untimed warm-up). ` +
      `Machine load average ${r.loadAverage.map((l) => l.toFixed(1)).join(" -> ")} on ${cpus().length} cores.`,
  ];
  const problems = [...r.problems, ...d.problems, ...d.auditProblems];
  if (problems.length > 0) lines.push("Incomplete or failed loads:", ...problems.map((p) => `  - ${p}`));
  return lines.join("\n");
}
