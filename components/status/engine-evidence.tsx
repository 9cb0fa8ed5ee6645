import type { Verification } from "@/lib/core/verify/verification";
import type { ClusterAudit } from "@/lib/core/readiness/types";
import { formatUtc } from "@/lib/web/history/timeline-view";

/**
 * One fact, engine beside API. Red marks what fails BullMQ (`bad`), not a difference as such: an engine
 * reports its exact build (7.1.0) where the API may name the version line, which is a note, not a fault.
 */
function Row({
  what,
  engine,
  api,
  bad = false,
}: {
  what: string;
  engine: string;
  api: string;
  bad?: boolean;
}) {
  return (
    <tr className="border-t border-slate-100">
      <th scope="row" className="py-2 pr-4 text-left font-medium text-slate-600">
        {what}
      </th>
      <td className={`py-2 pr-4 font-mono ${bad ? "font-semibold text-red-700" : "text-slate-900"}`}>
        {engine}
        {bad ? <span className="sr-only"> (fails BullMQ)</span> : null}
      </td>
      <td
        className={`py-2 font-mono ${bad && api === engine ? "font-semibold text-red-700" : "text-slate-900"}`}
      >
        {api}
      </td>
    </tr>
  );
}

const mib = (n: number) => (n === 0 ? "no limit" : `${(n / 1024 / 1024).toFixed(1)} MiB`);

/** The last verification's facts, "engine says" beside "API says", with when they were read. */
export function EngineEvidence({ c, v }: { c: ClusterAudit; v?: Verification }) {
  if (!v)
    return (
      <p className="px-5 py-4 text-[13px] text-slate-600">
        Not verified on the engine yet. Everything above comes from the AWS API; verify to see what the engine
        says.
      </p>
    );
  const e = v.engine;
  const job = v.smokeJob;
  return (
    <div className="space-y-3 px-5 py-4 text-[13px]">
      <p className="text-slate-600">
        Last checked <time dateTime={v.at}>{formatUtc(v.at)}</time>
        {v.message ? `: ${v.message}` : ""}
      </p>
      {e ? (
        <table className="w-full">
          <thead>
            <tr className="text-left text-[11px] uppercase tracking-wide text-slate-500">
              <th scope="col" className="pb-1" />
              <th scope="col" className="pb-1">
                engine says
              </th>
              <th scope="col" className="pb-1">
                API says
              </th>
            </tr>
          </thead>
          <tbody>
            <Row
              what="Eviction policy"
              engine={e.maxmemoryPolicy}
              api={v.api.policy ?? "—"}
              bad={e.maxmemoryPolicy !== "noeviction"}
            />
            <Row
              what="Engine"
              engine={`${e.server} ${e.version}`}
              api={`${c.engine ?? "—"} ${c.engineVersion ?? ""}`.trim()}
            />
            <Row
              what="Cluster mode"
              engine={e.clusterEnabled ? "on" : "off"}
              api={v.api.mode === "cluster" ? "on" : "off"}
            />
            <Row
              what="Memory"
              engine={`${mib(e.usedMemory)} of ${mib(e.maxmemory)}${v.memory?.percent !== undefined ? ` (${v.memory.percent.toFixed(1)} %)` : ""}`}
              api="—"
            />
          </tbody>
        </table>
      ) : null}
      {v.memory?.warning ? <p className="text-amber-800">{v.memory.warning}</p> : null}
      {v.disagreements.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-red-700">
          {v.disagreements.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
      {job ? (
        <p className={job.ok ? "text-emerald-700" : "text-red-700"}>
          {job.ok
            ? `BullMQ smoke job passed: one job added and completed in ${job.ms} ms; the queue was removed and no keys were left.`
            : `BullMQ smoke job failed: ${job.error}`}
        </p>
      ) : null}
    </div>
  );
}
