/**
 * Before apply writes anything: read the target live (with its owners) and list the plan's writes to
 * resources a CloudFormation stack or a Terraform state owns, and the owners that could not be told.
 */
import { collect } from "@/lib/services/collect/collect";
import type { ScopeAccess } from "@/lib/services/estate/scope-access";
import { ownerOf, type OwnedKind, type OwnedResource, type Owner } from "@/lib/core/model/ownership";
import { indexSnapshot } from "@/lib/core/model/snapshot-index";
import type { Snapshot } from "@/lib/core/model/snapshot";
import { ownedWrites, writtenResources, type OwnedWrite } from "@/lib/core/plan/owned-writes";
import type { Plan } from "@/lib/core/plan";

export interface OwnerCheck {
  owned: OwnedWrite[];
  /** Why the owner of a written resource cannot be told (apply goes on; the person is told). */
  unknown: string[];
}

export type OwnerLookup = (kind: OwnedKind, id: string) => Owner | null;

/** Who owns the plan's target and what it is attached to, read live once (stacks, states, tags). */
export async function readOwners(access: ScopeAccess, plan: Plan): Promise<OwnerLookup> {
  return ownerLookupOf(await collect(access, { target: plan.target }));
}

/** Owners as a snapshot already read knows them (a focused read carries the account-region's owners). */
export function ownerLookupOf(snapshot: Snapshot): OwnerLookup {
  const index = indexSnapshot(snapshot);
  const resourceOf = (kind: OwnedKind, id: string): OwnedResource => {
    if (kind === "security-group") {
      const g = index.securityGroups.get(id);
      return { kind, id, ...(g ? { tags: g.tags, description: g.description } : {}) };
    }
    if (kind === "parameter-group") {
      const g = index.parameterGroups.get(id);
      return { kind, id, ...(g ? { description: g.description } : {}) };
    }
    return { kind, id };
  };
  return (kind, id) => ownerOf(snapshot.owners, resourceOf(kind, id), snapshot.region);
}

export async function checkOwnedWrites(access: ScopeAccess, plan: Plan): Promise<OwnerCheck> {
  return ownedWritesOf(plan, await readOwners(access, plan));
}

export function ownedWritesOf(plan: Plan, lookup: OwnerLookup): OwnerCheck {
  const unknown = writtenResources(plan).flatMap((w) => {
    const owner = lookup(w.kind, w.id);
    return owner?.tool === "unknown" ? [`Owner of ${w.kind} ${w.id} unknown: ${owner.evidence}`] : [];
  });
  return { owned: ownedWrites(plan, lookup), unknown: [...new Set(unknown)] };
}
