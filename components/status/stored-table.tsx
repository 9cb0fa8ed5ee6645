import { Table, TBody, Th, THead } from "@/components/ui/table";
import type { StoredTargetState } from "@/lib/db/target-state-queries";
import type { TargetRef } from "@/lib/inventory/identity";
import { detailHref } from "@/lib/inventory/links";
import { VERDICT_LABELS, type Finding, type Verdict } from "@/lib/readiness/types";
import { fixActionOf } from "@/lib/status/row-actions";
import { AUDIT_TABLE_CLASSES } from "./audit-table-styles";
import { FindingChips } from "./finding-chips";
import { engineLabel } from "./status-labels";
import type { Engine } from "@/lib/aws/types";

const COLUMNS = [
  "Verdict",
  "Name",
  "Account",
  "Engine",
  "Region",
  "VPC",
  "Parameter group",
  "Findings",
  "Action",
];

export const refOf = (r: StoredTargetState): TargetRef => ({
  accountId: r.accountId,
  region: r.region,
  kind: r.kind as TargetRef["kind"],
  id: r.targetId,
});

/**
 * One page of stored rows. A server component with plain links and cells without classes (the table
 * styles them), so a page costs little HTML; the detail page reads the target live.
 */
export function StoredTable({ rows, label }: { rows: StoredTargetState[]; label: string }) {
  return (
    <Table aria-label={label} className={AUDIT_TABLE_CLASSES}>
      <THead>
        <tr>
          {COLUMNS.map((c) => (
            <Th key={c}>{c}</Th>
          ))}
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => {
          const ref = refOf(r);
          const action = fixActionOf({ ref, verdict: r.verdict as Verdict });
          return (
            <tr key={`${r.accountId}:${r.region}:${r.kind}:${r.targetId}`}>
              <td>
                <span data-v={r.verdict}>{VERDICT_LABELS[r.verdict as Verdict] ?? r.verdict}</span>
                {r.status !== "available" ? <small data-busy>{r.status}</small> : null}
                {r.staleReason ? <small title={r.staleReason}>as last read: region unreadable</small> : null}
              </td>
              <th scope="row">
                <a href={detailHref(ref)}>{r.targetId}</a>
              </th>
              <td>
                {r.accountName}
                <small>{r.accountId}</small>
              </td>
              <td>
                {engineLabel((r.engine ?? undefined) as Engine | undefined, r.engineVersion ?? undefined)}
                <small>{r.topology}</small>
              </td>
              <td>
                <code>{r.region}</code>
              </td>
              <td>
                {r.vpcId ? (
                  <>
                    {r.vpcName ?? r.vpcId}
                    {r.vpcName && r.vpcName !== r.vpcId ? <small>{r.vpcId}</small> : null}
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td>
                <GroupCell r={r} />
              </td>
              <td>
                <FindingChips findings={r.findings as Pick<Finding, "ruleId" | "severity" | "title">[]} />
              </td>
              <td>{action ? <a href={action.href}>{action.label}</a> : null}</td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}

function GroupCell({ r }: { r: StoredTargetState }) {
  if (!r.parameterGroup) return r.kind === "serverless" ? <small>none (serverless)</small> : "—";
  // Memcached's group is shown for the record only: BullMQ cannot use it whatever the policy.
  if (r.verdict === "not-applicable") return <code>{r.parameterGroup}</code>;
  return (
    <>
      <code>{r.parameterGroup}</code>
      <small data-p={r.policy === null ? "unread" : r.policy === "noeviction" ? "ok" : "bad"}>
        {r.policy ?? "policy not read"}
      </small>
    </>
  );
}
