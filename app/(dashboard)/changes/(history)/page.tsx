import { hasRole } from "@/lib/web/auth/roles";
import type { Metadata } from "next";
import Link from "next/link";
import { AwsProblemNotice } from "@/components/status/aws-problem-notice";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { RemoveResourceForm } from "@/components/wizard/remove-resource-form";
import { RunsTable } from "@/components/wizard/runs-table";
import { listApplyRuns } from "@/lib/adapters/db/lookups";
import { defaultDatabase } from "@/lib/adapters/db";
import { trailOfRuns } from "@/lib/adapters/db/audit-trail";
import type { UndoCandidate } from "@/lib/services/apply/undo";
import { requireRole } from "@/lib/web/auth/require-role";
import { getEstate } from "@/lib/services/estate";
import { estateUndoCandidates } from "@/lib/web/changes/estate-undo";
import { candidateKey } from "@/lib/web/changes/undo-key";
import { plural } from "@/lib/core/text/plural";

export const metadata: Metadata = { title: "Changes" };

const labelOf = (c: UndoCandidate) =>
  c.type === "cache-parameter-group"
    ? `parameter group ${c.name}`
    : c.type === "memorydb-parameter-group"
      ? `MemoryDB parameter group ${c.name}`
      : c.type === "security-group"
        ? `security group ${c.name} (${c.groupId})`
        : c.type === "metric-alarm"
          ? `memory alarm ${c.name}`
          : `rule ${c.ruleIds.join(", ")} in ${c.groupId}`;

/** The history of applies, and what QueueReady created that nothing uses any more (undo, operators only). */
export default async function ChangesPage() {
  const user = await requireRole("viewer");
  const [runs, { candidates, problems }, estate] = await Promise.all([
    listApplyRuns(),
    estateUndoCandidates(),
    getEstate(),
  ]);
  const control = await trailOfRuns(
    (await defaultDatabase()).db,
    runs.map((r) => r.id),
  );
  const accountNames = Object.fromEntries(estate.ok ? estate.accounts.map((a) => [a.accountId, a.name]) : []);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">Changes</h1>
        <p className="mt-1 text-[13px] text-slate-500">
          Every apply made through QueueReady, newest first. Plans submitted for a second operator&apos;s
          approval are under{" "}
          <Link href="/changes/approvals" className="text-indigo-700 underline">
            Approvals
          </Link>
          .
        </p>
      </div>
      <Card>
        <CardHeader title="Applies" description={plural(runs.length, "apply", "applies")} />
        {runs.length > 0 ? (
          <RunsTable runs={runs} accountNames={accountNames} control={control} />
        ) : (
          <p className="px-5 py-10 text-center text-sm text-slate-500">
            No apply yet. Fix a cluster from the status page.
          </p>
        )}
      </Card>
      <Card>
        <CardHeader
          title="Unused resources QueueReady created"
          description="Checked live: each still exists and no cluster uses it, or it is a rule an apply added that was reverted since."
        />
        <CardBody className="space-y-3">
          {problems.map((p) => (
            <AwsProblemNotice
              key={p.accountId}
              what={`unused resources ${p.accountId ? `in ${p.accountName} (${p.accountId}) ` : ""}cannot be listed`}
              problem={p.problem}
            />
          ))}
          {candidates.length === 0 && problems.length === 0 ? (
            <p className="text-[13px] text-slate-500">Nothing to remove.</p>
          ) : null}
          <ul className="divide-y divide-slate-100">
            {candidates.map((c) => (
              <li key={`${c.accountId}|${candidateKey(c)}`} className="space-y-1.5 py-3">
                <p className="text-[13px] text-slate-900">
                  <span className="font-medium">{labelOf(c)}</span>{" "}
                  <span className="font-mono text-xs text-slate-500">
                    {c.accountName} ({c.accountId}) · {c.region} · from apply {c.runId}
                  </span>
                </p>
                <p className="text-xs text-slate-600">{c.reason}</p>
                {hasRole(user.role, "operator") ? (
                  <RemoveResourceForm
                    accountId={c.accountId}
                    candidateKey={candidateKey(c)}
                    label={labelOf(c)}
                  />
                ) : (
                  <p className="text-xs text-slate-500">Only an operator can remove it.</p>
                )}
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
    </div>
  );
}
