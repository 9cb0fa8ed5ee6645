/**
 * The engine against the control plane: where what `INFO` says differs from what the API says the cluster
 * should run, say so in words that point at the usual cause (docs/aws-facts.md §5: a change not yet applied, a group
 * not attached, a value set on another cluster's group).
 */
import type { EngineFacts } from "./info";

export interface ApiFacts {
  /** The attached parameter group and the policy it sets (absent when the API could not tell). */
  groupName?: string;
  policy?: string;
  mode: "single" | "cluster";
}

export function disagreements(engine: EngineFacts, api: ApiFacts): string[] {
  const out: string[] = [];
  if (api.policy && engine.maxmemoryPolicy !== api.policy) {
    out.push(
      `The engine runs maxmemory-policy ${engine.maxmemoryPolicy} but ${api.groupName ?? "the parameter group"} says ${api.policy}: ` +
        "the change has not reached the nodes yet (parameter status not in-sync), or the group is not the one attached.",
    );
  }
  if ((api.mode === "cluster") !== engine.clusterEnabled) {
    out.push(
      `The API says cluster mode is ${api.mode === "cluster" ? "on" : "off"} but the engine reports cluster_enabled:${engine.clusterEnabled ? 1 : 0}.`,
    );
  }
  return out;
}
