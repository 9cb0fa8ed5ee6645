import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplyApprovedForm } from "@/components/approvals/apply-approved-form";
import { ApprovalStateBadge } from "@/components/approvals/approval-state-badge";
import { DecisionForm } from "@/components/approvals/decision-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { approvalPage } from "@/lib/web/approvals/approval-view";
import { requireRole } from "@/lib/web/auth/require-role";

export const metadata: Metadata = { title: "Approval" };

const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/**
 * One submitted plan in full: who submitted it and why (change reference), its content hash, every step of
 * every target (the plan file itself), and what may be done with it by the person looking.
 */
export default async function ApprovalDetailPage(props: { params: Promise<{ id: string }> }) {
  const user = await requireRole("viewer");
  const page = await approvalPage((await props.params).id, user);
  if (!page) notFound();
  const { row, targets, cannotDecide, canApply } = page;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link href="/changes/approvals" className="text-[13px] text-blue-700 underline">
          All approvals
        </Link>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">
          Plan for {row.targets.map((t) => t.split("/").at(-1)).join(", ")}
        </h1>
        <ApprovalStateBadge state={row.state} />
      </div>
      <Card>
        <CardHeader title="Request" />
        <CardBody>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-[13px]">
            <dt className="text-slate-500">Submitted by</dt>
            <dd>
              {row.submittedBy} ({row.submittedVia === "cli" ? "npm run plan" : "browser"}),{" "}
              {when(row.submittedAt)}
            </dd>
            <dt className="text-slate-500">Change reference</dt>
            <dd>{row.changeRef ?? "none"}</dd>
            <dt className="text-slate-500">Accounts</dt>
            <dd className="font-mono text-xs">{row.accountIds.join(", ")}</dd>
            <dt className="text-slate-500">Targets</dt>
            <dd className="font-mono text-xs">{row.targets.join(", ")}</dd>
            <dt className="text-slate-500">Plan hash</dt>
            <dd className="font-mono text-xs break-all">{row.planHash}</dd>
            {row.decision ? (
              <>
                <dt className="text-slate-500">
                  {row.status === "approved" ? "Approved by" : "Rejected by"}
                </dt>
                <dd>
                  {row.decision.by}, {when(row.decision.at)}
                  {row.decision.comment ? `: ${row.decision.comment}` : ""}
                </dd>
              </>
            ) : null}
            {row.expiresAt ? (
              <>
                <dt className="text-slate-500">{row.state === "expired" ? "Expired" : "Expires"}</dt>
                <dd>{when(row.expiresAt)}</dd>
              </>
            ) : null}
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Decision"
          description="Only an operator who did not submit the plan may approve or reject it; any rejection blocks it for good."
        />
        <CardBody className="space-y-3">
          {row.status === "pending" && !cannotDecide ? <DecisionForm id={row.id} /> : null}
          {row.status === "pending" && cannotDecide ? (
            <Notice title="You cannot decide on this plan">{cannotDecide}</Notice>
          ) : null}
          {row.state === "rejected" ? (
            <Notice tone="warning" title="Rejected: this plan will not apply">
              Make a new plan and submit it.
            </Notice>
          ) : null}
          {row.state === "expired" ? (
            <Notice tone="warning" title="The approval expired">
              Plan again from live state and submit the new plan.
            </Notice>
          ) : null}
          {row.state === "approved" && canApply ? <ApplyApprovedForm id={row.id} /> : null}
          {row.state === "approved" && !canApply ? (
            <p className="text-[13px] text-slate-700">Approved. An operator of its accounts may apply it.</p>
          ) : null}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="What it changes" />
        <CardBody className="space-y-4">
          {targets.map((t) => (
            <section key={t.key} aria-label={`Steps for ${t.id}`} className="space-y-1.5">
              <h3 className="text-[13px] font-semibold text-slate-900">
                <span className="font-mono">{t.id}</span>: {t.summaryLine}
              </h3>
              <ol className="list-decimal space-y-1 pl-5 text-[13px] text-slate-800">
                {t.steps.map((s) => (
                  <li key={s.title}>
                    {s.action === "no-op" ? "already in place: " : ""}
                    {s.title}
                    {s.detail ? <span className="text-slate-500"> ({s.detail})</span> : null}
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="The plan in full"
          description="The plan file exactly as submitted: this is what the approval binds."
        />
        <CardBody>
          <pre
            aria-label="Plan file"
            className="max-h-[32rem] overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800"
          >
            {row.planText}
          </pre>
        </CardBody>
      </Card>
    </div>
  );
}
