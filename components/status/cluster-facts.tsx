import type { ReactNode } from "react";
import type { ClusterAudit } from "@/lib/core/readiness/types";
import { MEMORY_WARN_PERCENT } from "@/lib/core/model/memory-watch";
import { OwnerFacts } from "./owner";
import { engineLabel, kindLabel } from "./status-labels";

/** `wide`: a whole line on a phone, for an id that would otherwise break at its hyphen ("vpc-" / "0abc…"). */
function Fact({ term, wide, children }: { term: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "col-span-2 min-w-0 sm:col-span-1" : "min-w-0"}>
      <dt className="text-[11px] font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-0.5 text-[13px] text-slate-900 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-500">—</span>;

/** The fullest node's memory over the last 15 minutes; above 80 % a noeviction node is close to refusing writes. */
function MemoryUse({ use }: { use: ClusterAudit["memoryUse"] }) {
  if (!use) return none;
  const high = use.percent > MEMORY_WARN_PERCENT;
  return (
    <span className={high ? "font-medium text-amber-800" : undefined}>
      {use.percent.toFixed(1)} % of maxmemory
      <span className="text-slate-600">
        {" "}
        (maximum of the last 15 minutes, node <span className="font-mono">{use.cacheClusterId}</span>)
      </span>
      {high ? " · writes will soon be refused" : ""}
    </span>
  );
}

/** What the audit read about a cluster, the facts behind its verdict at a glance. */
export function ClusterFacts({ c }: { c: ClusterAudit }) {
  const g = c.parameterGroup;
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 px-5 py-4 sm:grid-cols-4">
      <Fact term="Kind">
        {kindLabel(c.kind)}
        {c.topology !== "serverless" ? ` · ${c.topology}` : ""}
      </Fact>
      <Fact term="Engine">{engineLabel(c.engine, c.engineVersion)}</Fact>
      <Fact term="Status">{c.status}</Fact>
      <Fact term="Region">
        <span className="font-mono">{c.region}</span>
      </Fact>
      <Fact term="VPC" wide>
        {c.vpcName && c.vpcName !== c.vpcId ? (
          <>
            {c.vpcName} <span className="font-mono text-slate-600">{c.vpcId}</span>
          </>
        ) : (
          <span className="font-mono">{c.vpcId ?? none}</span>
        )}
      </Fact>
      <Fact term="Port">{c.port ?? none}</Fact>
      <Fact term="Parameter group">
        {g ? (
          <span className="font-mono" title={g.family ? `family ${g.family}` : undefined}>
            {g.name}
            {g.isDefault ? " (default)" : ""}
          </span>
        ) : (
          none
        )}
      </Fact>
      <Fact term="maxmemory-policy">{g?.policy ? <span className="font-mono">{g.policy}</span> : none}</Fact>
      <div className="col-span-2 sm:col-span-4">
        <Fact term="Memory used">
          <MemoryUse use={c.memoryUse} />
        </Fact>
      </div>
      <div className="col-span-2 sm:col-span-4">
        <Fact term="Owner">
          <OwnerFacts owner={c.owner} parts={c.partOwners} />
        </Fact>
      </div>
      {c.connection ? (
        <div className="col-span-2 sm:col-span-4">
          <Fact term={c.connection.mode === "cluster" ? "Configuration endpoint" : "Primary endpoint"}>
            <span className="font-mono">
              {c.connection.host}:{c.connection.port}
            </span>
            {c.connection.tls ? " · TLS" : ""}
            {c.connection.auth === "token"
              ? " · AUTH token"
              : c.connection.auth === "rbac"
                ? " · RBAC user"
                : ""}
          </Fact>
        </div>
      ) : null}
    </dl>
  );
}
