import { RowHeader, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ClusterAudit } from "@/lib/readiness/types";
import { FindingChips } from "./finding-chips";
import { engineLabel, kindLabel } from "./status-labels";
import { VerdictBadge } from "./verdict-badge";

const DASH = <span className="text-slate-400">—</span>;

/** The detail page of one cluster. */
export function detailHref(c: Pick<ClusterAudit, "region" | "kind" | "name">): string {
  return `/status/${encodeURIComponent(c.region)}/${encodeURIComponent(c.kind)}/${encodeURIComponent(c.name)}`;
}

export interface AuditTableProps {
  rows: ClusterAudit[];
  /** `kind:id` → shape of the cluster, e.g. "cluster mode · 2 shards × 2 nodes". */
  topology: Record<string, string>;
  label: string;
}

/**
 * One row per cluster. A server component with plain links and no client code, so a 1,000-row region costs
 * HTML only; the detail page holds evidence, commands and the connection snippet.
 */
export function AuditTable({ rows, topology, label }: AuditTableProps) {
  return (
    <Table aria-label={label}>
      <THead>
        <tr>
          <Th>Verdict</Th>
          <Th>Name</Th>
          <Th>Engine</Th>
          <Th>Region</Th>
          <Th>VPC</Th>
          <Th>Parameter group</Th>
          <Th>Findings</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((c) => (
          <Tr key={`${c.kind}:${c.name}`}>
            <Td>
              <VerdictBadge verdict={c.verdict} />
              {c.status !== "available" ? <span className="mt-1 block text-xs text-amber-700">{c.status}</span> : null}
            </Td>
            <RowHeader>
              <a href={detailHref(c)} className="font-mono text-[13px] font-medium text-indigo-700 hover:underline">{c.name}</a>
            </RowHeader>
            <Td>
              <span className="block">{engineLabel(c.engine, c.engineVersion)}</span>
              <span className="block text-xs text-slate-500">{topology[`${c.kind}:${c.name}`] ?? kindLabel(c.kind)}</span>
            </Td>
            <Td className="font-mono text-xs">{c.region}</Td>
            <Td className="font-mono text-xs">{c.vpcId ?? DASH}</Td>
            <Td>
              <GroupCell c={c} />
            </Td>
            <Td className="min-w-48 whitespace-normal">
              <FindingChips findings={c.findings} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function GroupCell({ c }: { c: ClusterAudit }) {
  const g = c.parameterGroup;
  if (!g) return c.kind === "serverless" ? <span className="text-xs text-slate-500">none (serverless)</span> : DASH;
  // Memcached's policy is shown for the record only: BullMQ cannot use it whatever the policy.
  const tone = c.verdict === "not-applicable" ? "text-slate-500" : g.policy === "noeviction" ? "text-emerald-700" : "text-amber-700";
  return (
    <>
      <span className="block font-mono text-xs">{g.name}</span>
      <span className={`block text-xs ${tone}`}>
        {g.policy ?? <span className="text-violet-700">policy not read</span>}
      </span>
    </>
  );
}
