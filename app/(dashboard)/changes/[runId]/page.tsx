import { hasRole } from "@/lib/web/auth/roles";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { AutoRefresh } from "@/components/wizard/auto-refresh";
import { RunResult } from "@/components/wizard/run-result";
import { RunStatusBadge } from "@/components/wizard/run-status-badge";
import { RunSteps } from "@/components/wizard/run-steps";
import { RevertAction, RevertNotes, resumeHref } from "@/components/wizard/revert-links";
import { getApplyRun } from "@/lib/adapters/db/lookups";
import { defaultDatabase } from "@/lib/adapters/db";
import { trailOfRuns } from "@/lib/adapters/db/audit-trail";
import { RunControl } from "@/components/approvals/run-control";
import { listRevertsOf } from "@/lib/services/apply/revert";
import { requireRole } from "@/lib/web/auth/require-role";
import { accountLabel } from "@/components/wizard/runs-table";
import { getEstate } from "@/lib/services/estate";
import { canResume, resumeParams } from "@/lib/web/changes/resume";
import { stepHref } from "@/lib/web/wizard/steps";

export const metadata: Metadata = { title: "Apply progress" };

/** One apply as it happens: read from the store on every render, so a reload or another browser sees the same. */
export default async function ApplyProgressPage({ params }: { params: Promise<{ runId: string }> }) {
  const user = await requireRole("viewer");
  const run = await getApplyRun((await params).runId);
  if (!run) notFound();
  const reverts = await listRevertsOf(run.id);
  const control = (await trailOfRuns((await defaultDatabase()).db, [run.id])).get(run.id);
  const running = run.status === "running";
  const estate = await getEstate();
  const names = Object.fromEntries(estate.ok ? estate.accounts.map((a) => [a.accountId, a.name]) : []);
  // Resume: the same choices previewed again; what the run created (tagged with its id) is taken up, not made twice.
  const again = resumeHref(run, stepHref("preview", resumeParams(run)));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">
            {run.plan.revert ? "Revert on" : "Apply to"} <span className="font-mono">{run.target.id}</span>
          </h1>
          <p className="mt-1 text-[13px] text-slate-500">
            {accountLabel(run.target.accountId, names)} · {run.region} · by {run.user.name}
            {run.origin === "cli" ? " from the CLI" : ""} · started{" "}
            {run.startedAt.replace("T", " ").slice(0, 19)} UTC
            {run.finishedAt ? ` · finished ${run.finishedAt.slice(11, 19)} UTC` : ""} · {run.plan.summaryLine}
          </p>
          {run.ownerOverride ? (
            <div className="mt-2 text-[13px] text-amber-800" data-testid="owner-override">
              <p>
                Applied despite its owner. Reason: <q>{run.ownerOverride.reason}</q>
              </p>
              <ul className="list-disc pl-5">
                {run.ownerOverride.owned.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        <RunStatusBadge status={run.status} />
      </div>
      <Card>
        <CardHeader title="Progress" actions={<AutoRefresh active={running} />} />
        <CardBody className="space-y-4">
          <p
            role="status"
            aria-live="polite"
            className="text-[13px] font-medium text-slate-800"
            data-testid="run-message"
          >
            {run.message}
          </p>
          <RevertNotes run={run} reverts={reverts} />
          <RunSteps run={run} />
          <RunResult run={run} />
          <RunControl entry={control} running={running} />
          <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4">
            {canResume(run) ? (
              <Link href={again} className={buttonClasses("primary", "sm")} prefetch={false}>
                {run.plan.revert
                  ? "Resume (preview the revert again)"
                  : "Resume (preview again with the same choices)"}
              </Link>
            ) : null}
            {run.status === "succeeded" ? (
              <Link
                href={stepHref("target", {
                  account: run.target.accountId,
                  region: run.target.region,
                  kind: run.target.kind,
                  id: run.target.id,
                })}
                className={buttonClasses("secondary", "sm")}
                prefetch={false}
              >
                Run the wizard again
              </Link>
            ) : null}
            <RevertAction run={run} operator={hasRole(user.role, "operator")} />
            <Link
              href={`/status?region=${encodeURIComponent(run.region)}`}
              className={buttonClasses("secondary", "sm")}
            >
              Status page
            </Link>
            <Link href="/changes" className={buttonClasses("ghost", "sm")}>
              All changes
            </Link>
          </div>
        </CardBody>
      </Card>
    </div>
  );
}
