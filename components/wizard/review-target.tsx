import { kindLabel } from "@/components/status/status-labels";
import type { Plan } from "@/lib/core/plan";

/** Step 1 of the review: the cluster the plan is for, as the target step chose it. */
export function ReviewTarget({
  target,
  region,
  accountName,
  runsAs,
}: {
  target: Plan["target"];
  region: string;
  accountName?: string;
  /** The principal the changes are applied with. */
  runsAs?: string;
}) {
  const facts: [string, string][] = [
    ["Account", accountName ? `${accountName} (${target.accountId})` : target.accountId],
    ["Region", region],
    ["Cluster", target.id],
    ["Kind", kindLabel(target.kind)],
    ["Engine", `${target.engine} ${target.engineVersion}${target.clusterEnabled ? " · cluster mode" : ""}`],
    ["VPC", target.vpcId ?? "unknown"],
    ["Port", String(target.port ?? "unknown")],
    ...(runsAs ? [["Applied as", runsAs] as [string, string]] : []),
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-[13px] sm:grid-cols-3">
      {facts.map(([term, value]) => (
        <div key={term} className="min-w-0">
          <dt className="text-xs text-slate-600">{term}</dt>
          <dd className="break-words font-mono text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
