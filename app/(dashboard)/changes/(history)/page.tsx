import type { Metadata } from "next";
import { AwsProblemNotice } from "@/components/status/aws-problem-notice";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { RemoveResourceForm } from "@/components/wizard/remove-resource-form";
import { RunsTable } from "@/components/wizard/runs-table";
import { listApplyRuns, undoCandidates, type UndoCandidate } from "@/lib/apply";
import { AwsError, type AwsProblem } from "@/lib/aws";
import { requireRole } from "@/lib/auth/require-role";
import { wizardSettings } from "@/lib/wizard/live";
import { candidateKey, uniqueCandidates } from "@/lib/wizard/undo-key";
import { plural } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Changes" };

async function candidatesOrProblem(): Promise<{ candidates: UndoCandidate[]; problem?: AwsProblem }> {
  const setup = wizardSettings();
  if (!setup.ok) return { candidates: [], problem: setup.problem };
  try {
    return { candidates: uniqueCandidates(await undoCandidates({ settings: setup.settings })) };
  } catch (err) {
    if (err instanceof AwsError) return { candidates: [], problem: err.problem };
    throw err;
  }
}

const labelOf = (c: UndoCandidate) =>
  c.type === "cache-parameter-group"
    ? `parameter group ${c.name}`
    : c.type === "security-group"
      ? `security group ${c.name} (${c.groupId})`
      : `rule ${c.ruleIds.join(", ")} in ${c.groupId}`;

/** The history of applies, and what QueueReady created that nothing uses any more (undo, operators only). */
export default async function ChangesPage() {
  const user = await requireRole("viewer");
  const [runs, { candidates, problem }] = await Promise.all([listApplyRuns(), candidatesOrProblem()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">Changes</h1>
        <p className="mt-1 text-[13px] text-slate-500">Every apply made through QueueReady, newest first.</p>
      </div>
      <Card>
        <CardHeader title="Applies" description={plural(runs.length, "apply", "applies")} />
        {runs.length > 0 ? (
          <RunsTable runs={runs} />
        ) : (
          <p className="px-5 py-10 text-center text-sm text-slate-500">
            No apply yet. Fix a cluster from the status page.
          </p>
        )}
      </Card>
      <Card>
        <CardHeader
          title="Unused resources QueueReady created"
          description="Checked live: each still exists and no cluster uses it."
        />
        <CardBody className="space-y-3">
          {problem ? <AwsProblemNotice what="unused resources cannot be listed" problem={problem} /> : null}
          {candidates.length === 0 && !problem ? (
            <p className="text-[13px] text-slate-500">Nothing to remove.</p>
          ) : null}
          <ul className="divide-y divide-slate-100">
            {candidates.map((c) => (
              <li key={candidateKey(c)} className="space-y-1.5 py-3">
                <p className="text-[13px] text-slate-900">
                  <span className="font-medium">{labelOf(c)}</span>{" "}
                  <span className="font-mono text-xs text-slate-500">
                    {c.region} · from apply {c.runId}
                  </span>
                </p>
                <p className="text-xs text-slate-600">{c.reason}</p>
                {user.role === "operator" ? (
                  <RemoveResourceForm candidateKey={candidateKey(c)} label={labelOf(c)} />
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
