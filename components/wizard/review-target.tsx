import type { Plan } from "@/lib/plan";

/** Step 1 of the review: the cluster the plan is for, as the target step chose it. */
export function ReviewTarget({ target, region }: { target: Plan["target"]; region: string }) {
  const facts: [string, string][] = [
    ["Region", region],
    ["Cluster", target.id],
    ["Kind", target.kind === "replication-group" ? "Replication group" : "Standalone cluster"],
    ["Engine", `${target.engine} ${target.engineVersion}${target.clusterEnabled ? " · cluster mode" : ""}`],
    ["VPC", target.vpcId ?? "unknown"],
    ["Port", String(target.port ?? "unknown")],
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
