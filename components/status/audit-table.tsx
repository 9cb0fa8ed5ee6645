import { detailHref } from "@/lib/inventory/links";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { VERDICT_LABELS, type ClusterAudit } from "@/lib/readiness/types";
import { AUDIT_TABLE_CLASSES } from "./audit-table-styles";
import { FindingChips } from "./finding-chips";
import { engineLabel, kindLabel } from "./status-labels";
import { fixActionOf } from "@/lib/status/row-actions";

export interface AuditTableProps {
  rows: ClusterAudit[];
  /** `kind:id` → shape of the cluster, e.g. "cluster mode · 2 shards × 2 nodes". */
  topology: Record<string, string>;
  /** VPC id → its name as the wizard shows it. */
  vpcNames?: Record<string, string>;
  label: string;
}

const COLUMNS = ["Verdict", "Name", "Engine", "Region", "VPC", "Parameter group", "Findings", "Action"];

/**
 * One row per cluster. A server component with plain links and no client code, and cells without classes
 * (the table styles them), so a 1,000-row region costs little HTML; the detail page holds the evidence,
 * commands and the connection snippet.
 */
export function AuditTable({ rows, topology, vpcNames = {}, label }: AuditTableProps) {
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
        {rows.map((c) => (
          <tr key={`${c.kind}:${c.name}`}>
            <td>
              <span data-v={c.verdict}>{VERDICT_LABELS[c.verdict]}</span>
              {c.status !== "available" ? <small data-busy>{c.status}</small> : null}
            </td>
            <th scope="row">
              <a href={detailHref(c.ref)}>{c.name}</a>
            </th>
            <td>
              {engineLabel(c.engine, c.engineVersion)}
              <small>{topology[`${c.kind}:${c.name}`] ?? kindLabel(c.kind)}</small>
            </td>
            <td>
              <code>{c.region}</code>
            </td>
            <td>
              {c.vpcId ? (
                <>
                  {vpcNames[c.vpcId] ?? c.vpcId}
                  {vpcNames[c.vpcId] && vpcNames[c.vpcId] !== c.vpcId ? <small>{c.vpcId}</small> : null}
                </>
              ) : (
                "—"
              )}
            </td>
            <td>
              <GroupCell c={c} />
            </td>
            <td>
              <FindingChips findings={c.findings} />
            </td>
            <td>
              <RowAction c={c} />
            </td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

function RowAction({ c }: { c: ClusterAudit }) {
  const action = fixActionOf(c);
  return action ? <a href={action.href}>{action.label}</a> : null;
}

function GroupCell({ c }: { c: ClusterAudit }) {
  const g = c.parameterGroup;
  if (!g) return c.kind === "serverless" ? <small>none (serverless)</small> : "—";
  // Memcached's group is shown for the record only: BullMQ cannot use it whatever the policy.
  if (c.verdict === "not-applicable") return <code>{g.name}</code>;
  return (
    <>
      <code>{g.name}</code>
      <small data-p={g.policy === undefined ? "unread" : g.policy === "noeviction" ? "ok" : "bad"}>
        {g.policy ?? "policy not read"}
      </small>
    </>
  );
}
