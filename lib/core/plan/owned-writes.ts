/**
 * Which steps of a plan would write to a resource CloudFormation or Terraform owns. Such a change is drift:
 * the owner's next deploy reverts it (or fails on it), so apply refuses it unless the operator overrides
 * with a reason. A resource this plan creates is QueueReady's own; a no-op step writes nothing.
 */
import { z } from "zod";
import type { OwnedKind, Owner } from "@/lib/core/model/ownership";
import type { Plan } from "./types";

/**
 * Why an owned resource is changed here anyway (`npm run apply --override-owner`, the preview's "Apply
 * anyway"): a sentence someone can act on later, kept in the history and sent with the alerts.
 */
export const overrideReasonSchema = z
  .string()
  .trim()
  .min(10, "needs a reason (10 characters or more): why is this changed here and not through its owner?")
  .max(500, "is too long (500 characters at most)");

export interface OwnedWrite {
  kind: OwnedKind;
  id: string;
  owner: Owner;
  /** The step that writes it, e.g. `ModifyReplicationGroup`. */
  operation: string;
}

/** The resources a plan's steps write to, each once: the target, an existing parameter group, an existing security group. */
export function writtenResources(plan: Plan): { kind: OwnedKind; id: string; operation: string }[] {
  const out = new Map<string, { kind: OwnedKind; id: string; operation: string }>();
  for (const step of plan.steps) {
    if (step.noopReason) continue;
    const add = (kind: OwnedKind, id: string) =>
      out.set(`${kind}:${id}`, { kind, id, operation: step.operation });
    if (step.kind === "modify-replication-group") add("replication-group", step.input.id);
    else if (step.kind === "modify-cache-cluster") add("cache-cluster", step.input.id);
    else if (step.kind === "modify-parameter-group") {
      const created = plan.steps.some(
        (s) => s.kind === "create-parameter-group" && s.input.name === step.input.name,
      );
      if (!created) add("parameter-group", step.input.name);
    } else if (step.kind === "authorize-ingress" && typeof step.input.groupId === "string")
      add("security-group", step.input.groupId);
    else if (step.kind === "update-memorydb-cluster") add("memorydb-cluster", step.input.name);
    else if (step.kind === "update-memorydb-parameter-group") {
      const created = plan.steps.some(
        (s) => s.kind === "create-memorydb-parameter-group" && s.input.name === step.input.name,
      );
      if (!created) add("memorydb-parameter-group", step.input.name);
    }
  }
  return [...out.values()];
}

/** The writes whose resource someone owns (an `unknown` owner is not a refusal: it is said, not assumed). */
export function ownedWrites(
  plan: Plan,
  ownerOf: (kind: OwnedKind, id: string) => Owner | null,
): OwnedWrite[] {
  return writtenResources(plan).flatMap((w) => {
    const owner = ownerOf(w.kind, w.id);
    return owner && owner.tool !== "unknown" ? [{ ...w, owner }] : [];
  });
}

/** `orders-redis7 (ModifyReplicationGroup) is owned by CloudFormation stack orders-cache (OrdersReplicationGroup)`. */
export function ownedWriteLine(w: OwnedWrite): string {
  const who =
    w.owner.tool === "cloudformation"
      ? `CloudFormation stack ${w.owner.stack ?? "(unknown)"}${w.owner.logicalId ? ` (${w.owner.logicalId})` : ""}`
      : `Terraform ${w.owner.address ?? "(address unknown)"}${w.owner.stateFile ? ` in ${w.owner.stateFile}` : ""}`;
  return `${w.kind} ${w.id} (${w.operation}) is owned by ${who}: change it there, or its next deploy reverts this.`;
}
