import { cpus } from "node:os";
import type { LoadResult } from "./measure-load";
import { ms } from "./table";

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** The load figures as a Markdown table (pasted as is into notes), then the problems, if any. */
export function renderLoad(r: LoadResult): string {
  const total = r.loads * (r.bursts ?? 1);
  const met = r.p95Ms < r.goalP95Ms && r.complete === total;
  const lines = [
    `Status page under load: ${r.users} signed-in users, ${r.loads} loads, ${r.clusters} clusters, ` +
      `${r.replicas} replica(s) on the ${r.database} database, sandbox latency ${r.latencyMs} ms`,
    "",
    "| median | p95 | min | max | complete | wall | server CPU per load | page | targets in HTML | peak RSS per replica | p95 goal |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    `| ${ms(r.medianMs)} | ${ms(r.p95Ms)} | ${ms(r.minMs)} | ${ms(r.maxMs)} | ${r.complete}/${total} | ` +
      `${ms(r.wallMs)} | ${ms(r.serverCpuMsPerLoad)} | ${Math.round(r.htmlBytes / 1024)} KB | ${r.idsFound}/${r.idsExpected} | ` +
      `${r.replicaPeakRssBytes.map(mb).join(", ")} | < ${ms(r.goalP95Ms)}: ${met ? "met" : "missed"} |`,
    "",
    `First complete page ${ms(r.firstCompleteMs)} after the server(s) started (untimed warm-up). ` +
      `Machine load average ${r.loadAverage.map((l) => l.toFixed(1)).join(" -> ")} on ${cpus().length} cores.`,
  ];
  const o = r.outcomes;
  lines.push(
    "",
    "| loads | complete | incomplete | sent to sign-in | 503 (retry) | 429 (retry) | errors | RSS before | RSS after each burst |",
    "|---|---|---|---|---|---|---|---|---|",
    `| ${total} | ${o.complete} | ${o.incomplete} | ${o["sent-to-sign-in"]} | ${o.unavailable} | ${o["rate-limited"]} | ${o.error} | ` +
      `${mb(r.rssBeforeBytes)} | ${r.rssAfterBurstBytes.map(mb).join(" -> ")} |`,
  );
  if (r.problems.length > 0) lines.push("Incomplete or failed loads:", ...r.problems.map((p) => `  - ${p}`));
  return lines.join("\n");
}
