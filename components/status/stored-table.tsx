"use client";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import type { StatusRow } from "@/lib/web/status/status-row";
import type { TargetRef } from "@/lib/core/identity/identity";
import { detailHref } from "@/lib/core/identity/links";
import { VERDICT_LABELS, type Finding, type Verdict } from "@/lib/core/readiness/types";
import { fixActionOf } from "@/lib/core/rows/row-actions";
import { AUDIT_TABLE_CLASSES } from "./audit-table-styles";
import { FindingChips } from "./finding-chips";
import { OwnerBadge } from "./owner";
import { engineLabel } from "./status-labels";
import type { Engine } from "@/lib/core/model/resources";

/**
 * The columns in row order; the narrow-screen labels in audit-table-styles.ts follow this order. The widths
 * (xl and up, a fixed layout) add up to 1,068 px and Findings takes the rest: every column fits the 1,230 px
 * card of the 1,280 px main column, so nothing scrolls sideways. Account and region share a column (the
 * scope a target lives in) to leave Findings room; the row header stays the name alone.
 */
const COLUMNS: { label: string; width?: string }[] = [
  { label: "Name", width: "xl:w-[10.5rem]" },
  { label: "Verdict", width: "xl:w-[8.5rem]" },
  { label: "Account · region", width: "xl:w-[7.5rem] xl:whitespace-normal" },
  { label: "Engine", width: "xl:w-[9.5rem]" },
  { label: "VPC", width: "xl:w-[11.25rem]" },
  { label: "Parameter group", width: "xl:w-[12rem]" },
  { label: "Findings" },
  { label: "Action", width: "xl:w-[7.5rem]" },
];

export const refOf = (r: StatusRow): TargetRef => ({
  accountId: r.accountId,
  region: r.region,
  kind: r.kind as TargetRef["kind"],
  id: r.targetId,
});

/**
 * A group name that may also break after a dot ("default.redis7." / "cluster.on"; browsers break only at
 * hyphens), never inside a version ("memcached1.6"). Each part but the last is a <span> that the table
 * styles to end in a zero-width space with empty alternative text (audit-table-styles.ts): a `<wbr>` made
 * Chromium name the cell "default. redis7", and a zero-width space in the text would be copied with it.
 */
function breakable(name: string) {
  const parts = name.split(/(?<=\.)(?=\D)/);
  return parts.map((part, i) => (i < parts.length - 1 ? <span key={i}>{part}</span> : part));
}

/**
 * One page of stored rows, with plain links and cells without classes (the table styles them), so a page
 * costs little HTML; the detail page reads the target live. A client component: the rows travel as data
 * (status-row.ts) rather than as a serialized element tree, which halved the server's work per status
 * load. A real table at every width: below xl each row is laid out as a small card, its cells still cells
 * of the table.
 */
export function StoredTable({ rows, label }: { rows: StatusRow[]; label: string }) {
  return (
    <Table aria-label={label} className={AUDIT_TABLE_CLASSES}>
      <THead>
        <tr>
          {COLUMNS.map((c) => (
            <Th key={c.label} className={c.width}>
              {c.label}
            </Th>
          ))}
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => {
          const ref = refOf(r);
          const action = fixActionOf({ ref, verdict: r.verdict as Verdict });
          return (
            <tr key={`${r.accountId}:${r.region}:${r.kind}:${r.targetId}`}>
              <th scope="row">
                <a href={detailHref(ref)}>{r.targetId}</a>
              </th>
              <td>
                <span data-v={r.verdict}>{VERDICT_LABELS[r.verdict as Verdict] ?? r.verdict}</span>
                {r.status !== "available" ? <small data-busy>{r.status}</small> : null}
                {r.staleReason ? <small title={r.staleReason}>as last read: region unreadable</small> : null}
                {/* Beside the verdict, not under the name: the row header stays the name alone. */}
                <OwnerBadge owner={r.owner} />
              </td>
              <td>
                {r.accountName}
                <small>{r.accountId}</small>
                <code>{r.region}</code>
              </td>
              <td>
                {engineLabel((r.engine ?? undefined) as Engine | undefined, r.engineVersion ?? undefined)}
                <small>{r.topology}</small>
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
              <td>
                {action ? (
                  <a href={action.href}>
                    {action.label}
                    {/* Hidden on screen; in a list of links it tells the rows apart. */}
                    <span>{` ${r.targetId} (${r.accountName}, ${r.region})`}</span>
                  </a>
                ) : null}
              </td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}

function GroupCell({ r }: { r: StatusRow }) {
  if (!r.parameterGroup) return r.kind === "serverless" ? <small>none (serverless)</small> : "—";
  // Memcached's group is shown for the record only: BullMQ cannot use it whatever the policy.
  if (r.verdict === "not-applicable") return <code>{breakable(r.parameterGroup)}</code>;
  return (
    <>
      <code>{breakable(r.parameterGroup)}</code>
      <small data-p={r.policy === null ? "unread" : r.policy === "noeviction" ? "ok" : "bad"}>
        {r.policy ?? "policy not read"}
      </small>
    </>
  );
}
