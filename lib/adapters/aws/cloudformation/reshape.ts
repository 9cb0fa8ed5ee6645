/** CloudFormation SDK shapes → the ownership model's (lib/core/model/ownership.ts). */
import type { StackResourceSummary } from "@aws-sdk/client-cloudformation";
import type { StackResource } from "@/lib/core/model/ownership";

/** A resource the stack no longer manages: deleted, or removed from the template with DeletionPolicy Retain. */
const GONE = new Set(["DELETE_COMPLETE", "DELETE_SKIPPED"]);

/** A stack resource that names a physical resource the stack still manages, else undefined. */
export function reshapeStackResource(stackName: string, r: StackResourceSummary): StackResource | undefined {
  if (!r.PhysicalResourceId || !r.LogicalResourceId || !r.ResourceType) return undefined;
  if (r.ResourceStatus && GONE.has(r.ResourceStatus)) return undefined;
  return {
    stackName,
    logicalId: r.LogicalResourceId,
    physicalId: r.PhysicalResourceId,
    type: r.ResourceType,
  };
}
