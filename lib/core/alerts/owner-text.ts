/**
 * What an alert says about who owns the target: where the fix belongs. A change made outside a stack or a
 * Terraform configuration is undone by its next deploy (and the alert then loops regressed/resolved), so
 * the alert names the place to change instead of only the cluster.
 */
import type { Owner } from "@/lib/core/model/ownership";

/** An override recorded on an apply run: who changed an owned resource outside its owner, and why. */
export interface AlertOverride {
  runId: string;
  reason: string;
  by: string;
  at: string;
}

/** "Managed by Terraform at module.cache.aws_elasticache_replication_group.x (prod.tfstate): fix it there…". */
export function ownerFixLine(owner: Owner | null | undefined): string | null {
  if (!owner) return null;
  if (owner.tool === "terraform") {
    const where = owner.address ? ` at ${owner.address}` : " (its address unknown: no state file names it)";
    const state = owner.stateFile ? ` (state ${owner.stateFile})` : "";
    return `Managed by Terraform${where}${state}: fix it there; a change made here is undone by its next apply.`;
  }
  if (owner.tool === "cloudformation") {
    const logical = owner.logicalId ? `, logical id ${owner.logicalId}` : "";
    return `Managed by CloudFormation stack ${owner.stack ?? "(unknown)"}${logical}: fix it in the stack's template; a change made here is undone by its next update.`;
  }
  return `Owner unknown: ${owner.evidence}`;
}

export function overrideLine(o: AlertOverride): string {
  return `Changed despite its owner by ${o.by} at ${o.at.replace("T", " ").slice(0, 16)} UTC (run ${o.runId}): "${o.reason}"`;
}
