import type { Metadata } from "next";
import Link from "next/link";
import { ApprovalStateBadge } from "@/components/approvals/approval-state-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { plural } from "@/lib/core/text/plural";
import { approvalRows } from "@/lib/web/approvals/approval-view";
import { requireRole } from "@/lib/web/auth/require-role";

export const metadata: Metadata = { title: "Approvals" };

/** Plans submitted for a second operator's approval, newest first, with what became of each. */
export default async function ApprovalsPage() {
  await requireRole("viewer");
  const rows = await approvalRows();
  const pending = rows.filter((r) => r.state === "pending").length;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">Approvals</h1>
        <p className="mt-1 text-[13px] text-slate-500">
          Plans wait here for an operator other than their author. An approval binds the exact plan: any edit
          is a new plan.
        </p>
      </div>
      <Card>
        <CardHeader title="Plans" description={`${plural(pending, "plan")} awaiting approval`} />
        {rows.length === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-slate-500">
            No plan was submitted for approval yet.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {rows.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-[13px]">
                <ApprovalStateBadge state={r.state} />
                <Link href={`/changes/approvals/${r.id}`} className="font-medium text-blue-700 underline">
                  {r.targets.map((t) => t.split("/").at(-1)).join(", ")}
                </Link>
                <span className="text-slate-600">
                  by {r.submittedBy} ({r.submittedVia}) at {r.submittedAt.slice(0, 16).replace("T", " ")} UTC
                </span>
                {r.changeRef ? <span className="font-mono text-xs text-slate-500">{r.changeRef}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
