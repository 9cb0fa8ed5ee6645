import type { Owner, PartOwner } from "@/lib/core/readiness/types";

const PART_LABELS: Record<PartOwner["kind"], string> = {
  "replication-group": "Replication group",
  "cache-cluster": "Cache cluster",
  serverless: "Serverless cache",
  "parameter-group": "Parameter group",
  "subnet-group": "Subnet group",
  "security-group": "Security group",
  "memorydb-cluster": "MemoryDB cluster",
  "memorydb-parameter-group": "MemoryDB parameter group",
  "memorydb-subnet-group": "MemoryDB subnet group",
};

/** One line naming the owner: `CloudFormation · orders-cache`, `Terraform · module.q.aws_…`, `Owner unknown`. */
export function ownerText(owner: Owner): string {
  if (owner.tool === "cloudformation") return `CloudFormation · ${owner.stack ?? "stack unknown"}`;
  if (owner.tool === "terraform") return `Terraform · ${owner.address ?? "address unknown"}`;
  return "Owner unknown";
}

/** The status row's badge: who owns the target, the evidence on hover. Nothing when nobody does. */
export function OwnerBadge({ owner }: { owner: Owner | null | undefined }) {
  if (!owner) return null;
  return (
    <small data-o={owner.tool} title={owner.evidence}>
      {ownerText(owner)}
    </small>
  );
}

function OwnerLine({ owner }: { owner: Owner }) {
  return (
    <>
      <span className={owner.tool === "unknown" ? "text-violet-700" : undefined}>{ownerText(owner)}</span>
      {owner.tool === "cloudformation" && owner.logicalId ? (
        <span className="font-mono text-slate-600"> ({owner.logicalId})</span>
      ) : null}
      {owner.tool === "terraform" && owner.stateFile ? (
        <span className="text-slate-600"> in {owner.stateFile}</span>
      ) : null}
      <span className="block text-xs text-slate-500">{owner.evidence}</span>
    </>
  );
}

/**
 * The detail page's owner: the target's own, and that of each group it uses that someone owns. Changing an
 * owned resource outside its tool makes the next deploy undo it (or fail on drift), so it is said up front.
 */
export function OwnerFacts({ owner, parts }: { owner: Owner | null; parts: PartOwner[] }) {
  const owned = parts.filter((p): p is PartOwner & { owner: Owner } => p.owner !== null);
  return (
    <div data-testid="owner">
      {owner ? <OwnerLine owner={owner} /> : <span>Not owned by CloudFormation or Terraform</span>}
      {owned.length > 0 ? (
        <ul className="mt-1 space-y-1">
          {owned.map((p) => (
            <li key={`${p.kind}:${p.id}`}>
              {PART_LABELS[p.kind]} <span className="font-mono">{p.id}</span>: <OwnerLine owner={p.owner} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
