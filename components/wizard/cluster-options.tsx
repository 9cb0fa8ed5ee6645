import { Badge } from "@/components/ui/badge";
import { Choice } from "@/components/wizard/fields";
import type { TargetOption } from "@/lib/core/plan";

const KIND_LABEL: Record<TargetOption["kind"], string> = {
  "replication-group": "replication group",
  "cache-cluster": "standalone cluster",
  serverless: "serverless cache",
  "memorydb-cluster": "Amazon MemoryDB cluster",
};

function readinessBadge(option: TargetOption) {
  if (option.busy) return <Badge tone="neutral">Busy: try later</Badge>;
  if (!option.selectable) return <Badge tone="neutral">Cannot be fixed here</Badge>;
  if (option.readiness === "ready")
    return (
      <Badge tone="green" dot>
        Ready already
      </Badge>
    );
  if (option.readiness === "unknown") return <Badge tone="amber">Readiness unknown</Badge>;
  return (
    <Badge tone="amber" dot>
      Needs changes
    </Badge>
  );
}

/**
 * Step 1's clusters in one VPC as radios, ElastiCache and MemoryDB alike (a MemoryDB badge tells them apart).
 * Clusters the wizard cannot fix (serverless, Memcached, Redis below 5.0) are listed disabled with the
 * reason, so nobody wonders where they went.
 */
export function ClusterOptions({ options, selected }: { options: TargetOption[]; selected?: string }) {
  return (
    <fieldset>
      <legend className="text-[13px] font-medium text-slate-700">Cluster</legend>
      <div className="mt-2 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
        {options.map((option) => {
          const value = `${option.kind}/${option.id}`;
          return (
            <Choice
              key={value}
              name="cluster"
              errorName="id"
              value={value}
              defaultChecked={value === selected}
              disabled={!option.selectable || option.busyReason !== undefined}
              disabledReason={option.reason ?? option.busyReason}
              label={
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-mono">{option.id}</span>
                  {/* Said in the label, so a screen reader hears it with the name, not only in the description. */}
                  {option.kind === "memorydb-cluster" ? <Badge tone="violet">MemoryDB</Badge> : null}
                  {readinessBadge(option)}
                  {option.busy ? <Badge tone="blue">{option.status}</Badge> : null}
                </span>
              }
              description={
                <>
                  <span>
                    {KIND_LABEL[option.kind]} · {option.engine} {option.engineVersion}
                  </span>
                  {option.readiness === "ready" ? (
                    <span className="block text-emerald-700">
                      Already ready for BullMQ: the wizard will find nothing to change.
                    </span>
                  ) : null}
                  {option.selectable && option.readiness !== "ready"
                    ? option.details.map((d) => (
                        <span key={d} className="block">
                          {d}
                        </span>
                      ))
                    : null}
                </>
              }
            />
          );
        })}
      </div>
    </fieldset>
  );
}
