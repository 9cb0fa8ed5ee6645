import type { BenchReport } from "./report";
import { formatTable, kb, mb, ms, ratio } from "./table";

/** The printed result: what the closing note quotes. */
export function renderReport(r: BenchReport): string {
  const out: string[] = [];
  const { latencyMs, runs, regions } = r.options;
  out.push(`QueueReady fleet benchmark  ${r.startedAt}  (${r.machine.cpus} cores, Node ${r.machine.node})`);
  out.push(
    `sandbox latency ${latencyMs} ms per call; fleets over ${regions.join(" + ")}; audit = median of ${runs} runs after 1 warm-up;`,
  );
  out.push(
    `peer = the AWS CLI script run once per size (each \`aws\` process pays Python start-up)${r.peerCli ? `: ${r.peerCli.path} ${r.peerCli.version}` : ""}`,
  );
  if (r.peerCli && !r.peerCli.serverless)
    out.push(
      "  (this AWS CLI predates ElastiCache Serverless: the peer skips describe-serverless-caches, which only flatters it)",
    );
  out.push("");
  out.push(
    formatTable(
      [
        "clusters",
        "targets",
        "audit",
        "lower bound",
        "audit/LB",
        "calls",
        "LB path (slowest region)",
        "peer CLI",
        "CLI/audit",
        "audit RSS",
      ],
      r.sizes.map((s) => {
        const slowest = s.lowerBound.regions.reduce(
          (a, b) => (b.rounds > a.rounds ? b : a),
          s.lowerBound.regions[0] ?? { rounds: 0, path: "-", region: "-" },
        );
        const peer = s.peer && "ms" in s.peer ? s.peer : undefined;
        return [
          String(s.clusters),
          s.auditTargets === s.expectedTargets
            ? String(s.auditTargets)
            : `${s.auditTargets}/${s.expectedTargets}`,
          ms(s.auditMedianMs),
          `${ms(s.lowerBound.ms)} (${s.lowerBound.rounds} rt)`,
          ratio(s.ratio),
          s.callsTotal === s.sandboxCallsTotal
            ? String(s.callsTotal)
            : `${s.callsTotal}/${s.sandboxCallsTotal}`,
          `${slowest.region}: ${slowest.path}`,
          peer ? ms(peer.ms) : "skipped",
          peer ? ratio(peer.ratio) : "-",
          mb(s.auditPeakRssBytes),
        ];
      }),
    ),
  );
  out.push(
    "",
    "AWS calls of one audit, by operation (onRequest; the sandbox's own counters agree where no '/' shows):",
  );
  const ops = [...new Set(r.sizes.flatMap((s) => Object.keys(s.calls)))].sort();
  out.push(
    formatTable(
      ["operation", ...r.sizes.map((s) => `${s.clusters}`)],
      ops.map((op) => [op, ...r.sizes.map((s) => String(s.calls[op] ?? 0))]),
    ),
  );
  const peers = r.sizes.filter((s) => s.peer && "calls" in s.peer);
  if (peers.length > 0)
    out.push(
      `peer CLI calls (sandbox counters): ${peers.map((s) => `${s.clusters}: ${(s.peer as { calls: number }).calls}`).join(", ")}`,
    );
  out.push("", r.formula, "");
  if (r.page) {
    if ("skipped" in r.page) out.push(`status page: skipped (${r.page.skipped})`);
    else {
      const p = r.page;
      out.push(
        `status page GET /status?regions=all at ${p.clusters} clusters: median ${ms(p.medianMs)} of [${p.runsMs.map((x) => Math.round(x)).join(", ")}] ms, ${kb(p.htmlBytes)} HTML, ${p.idsFound}/${p.idsExpected} targets present`,
      );
    }
  }
  if (r.appMemory) {
    out.push(
      "peakRssBytes" in r.appMemory
        ? `app server peak RSS through its first audit and page at ${r.appMemory.clusters} clusters: ${mb(r.appMemory.peakRssBytes)}`
        : `app memory: skipped (${r.appMemory.skipped})`,
    );
  }
  if (r.firstLoadJs) {
    if ("routes" in r.firstLoadJs) {
      out.push(
        "",
        `first-load JS per route (gzipped, from ${r.firstLoadJs.source}${r.firstLoadJs.builtNow ? "; built now with next build" : ""}):`,
      );
      out.push(
        formatTable(
          ["route", "chunks", "raw", "gzipped"],
          r.firstLoadJs.routes.map((x) => [x.route, String(x.chunks), kb(x.rawBytes), kb(x.gzipBytes)]),
        ),
      );
    } else out.push(`first-load JS: skipped (${r.firstLoadJs.skipped})`);
  }
  out.push("", "targets:");
  for (const v of r.verdicts) out.push(`  ${v.met ? "MET   " : "MISSED"}  ${v.target}: ${v.detail}`);
  return out.filter((l, i, all) => !(l === "" && all[i - 1] === "")).join("\n");
}
