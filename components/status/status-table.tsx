import { Badge } from "@/components/ui/badge";
import { RowHeader, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { engineLabel, kindLabel, statusTone } from "@/components/status/status-labels";
import type { StatusRow } from "@/components/status/status-rows";

const DASH = <span className="text-slate-400">—</span>;

/** The clusters of one region; a server component, so the table ships no JavaScript. */
export function StatusTable({ rows, region }: { rows: StatusRow[]; region: string }) {
  return (
    <Table aria-label={`Caches in ${region}`}>
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>Kind</Th>
          <Th>Engine</Th>
          <Th>Status</Th>
          <Th>Parameter group</Th>
          <Th>VPC</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={`${row.kind}:${row.name}`}>
            <RowHeader>
              <span className="font-mono text-[13px] font-medium">{row.name}</span>
            </RowHeader>
            <Td>
              <span className="block">{kindLabel(row.kind)}</span>
              {row.kind === "serverless" ? null : <span className="block text-xs text-slate-500">{row.topology}</span>}
            </Td>
            <Td>{engineLabel(row.engine, row.engineVersion)}</Td>
            <Td>
              <Badge tone={statusTone(row.status)} dot>
                {row.status}
              </Badge>
            </Td>
            <Td className="font-mono text-xs">
              {row.parameterGroups.length > 0 ? row.parameterGroups.join(", ") : row.kind === "serverless" ? <span className="font-sans text-slate-500">none (serverless)</span> : DASH}
            </Td>
            <Td className="font-mono text-xs">{row.vpcId ?? DASH}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
