/**
 * Progress lines for a run while it goes on: the run records every step and the convergence wait in the
 * history as it happens (that is what the browser's progress page reads), and this prints each change of
 * it once, so a CI log shows the same story.
 */
import { getApplyRun } from "@/lib/adapters/db/lookups";
import type { ApplyOptions } from "@/lib/services/apply/types";
import type { ApplyRun } from "@/lib/adapters/db/run-records";
import type { StartedApply } from "@/lib/services/apply/start-apply";
import type { CliIo } from "./run-audit";

function linesOf(run: ApplyRun, printed: Set<string>): string[] {
  const out: string[] = [];
  const once = (key: string, line: string) => {
    if (printed.has(key)) return;
    printed.add(key);
    out.push(line);
  };
  run.steps.forEach((s, i) => {
    const n = `[${i + 1}/${run.steps.length}]`;
    if (s.status === "running") once(`${i}:running`, `  ${n} ${s.title} …`);
    if (s.status === "done") once(`${i}:end`, `  ${n} ${s.title}: done${s.message ? ` (${s.message})` : ""}`);
    if (s.status === "skipped") once(`${i}:end`, `  ${n} ${s.title}: already in place`);
    if (s.status === "failed") once(`${i}:end`, `  ${n} ${s.title}: FAILED: ${s.message ?? ""}`);
  });
  if (run.phase === "converging") once("wait", "  waiting until every node is in-sync …");
  // "not read yet" is the wait's first word before any poll: nothing to report.
  const last = run.convergence?.last;
  if (run.phase === "converging" && last && last !== "not read yet")
    once(`wait:${last}`, `  still waiting: ${last}`);
  if (run.phase === "finished") once("end", `  ${run.message}`);
  return out;
}

/** Prints the run's progress until it ends; returns the finished run. */
export async function watchRun(
  options: Pick<ApplyOptions, "db">,
  started: StartedApply,
  io: CliIo,
  everyMs = 250,
): Promise<ApplyRun> {
  const printed = new Set<string>();
  let done = false;
  const finished = started.finished.then((run) => {
    done = true;
    return run;
  });
  while (!done) {
    await Promise.race([finished, new Promise((r) => setTimeout(r, everyMs))]);
    const run = await getApplyRun(started.runId, options);
    if (run) for (const line of linesOf(run, printed)) io.out(`${line}\n`);
  }
  const run = await finished;
  for (const line of linesOf(run, printed)) io.out(`${line}\n`);
  return run;
}
