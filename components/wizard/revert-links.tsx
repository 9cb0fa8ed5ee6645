import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { revertability } from "@/lib/services/apply/revert";
import type { ApplyRun } from "@/lib/adapters/db/run-records";

const when = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;
const runLink = (id: string) => (
  <Link href={`/changes/${id}`} className="font-mono text-indigo-700 underline-offset-2 hover:underline">
    {id}
  </Link>
);

/** What the run page says about reverts: the run this one reverts, and the runs that reverted this one. */
export function RevertNotes({ run, reverts }: { run: ApplyRun; reverts: ApplyRun[] }) {
  if (!run.plan.revert && reverts.length === 0) return null;
  return (
    <ul className="space-y-1 text-[13px] text-slate-700" aria-label="Reverts">
      {run.plan.revert ? <li>This run reverts apply {runLink(run.plan.revert.runId)}.</li> : null}
      {reverts.map((r) => (
        <li key={r.id}>
          Reverted by {runLink(r.id)} ({r.status}) by {r.user.name} at {when(r.startedAt)}.
        </li>
      ))}
    </ul>
  );
}

/**
 * "Revert this apply", for operators on a finished run that changed the cluster's attachments; otherwise
 * the reason in words (a viewer is told who may).
 */
export function RevertAction({ run, operator }: { run: ApplyRun; operator: boolean }) {
  if (run.status === "running") return null;
  const can = revertability(run);
  if (!can.ok) return <p className="w-full text-xs text-slate-500">Revert: {can.reason}</p>;
  if (!operator)
    return <p className="w-full text-xs text-slate-500">Only an operator can revert this apply.</p>;
  return (
    <Link href={`/changes/${run.id}/revert`} className={buttonClasses("secondary", "sm")} prefetch={false}>
      {run.plan.revert ? "Revert this revert" : "Revert this apply"}
    </Link>
  );
}

/** Resume of a stopped revert: the revert of the same run, previewed again (it creates nothing, so nothing twice). */
export function resumeHref(run: ApplyRun, wizardHref: string): string {
  return run.plan.revert ? `/changes/${run.plan.revert.runId}/revert` : wizardHref;
}
