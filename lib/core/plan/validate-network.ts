/**
 * Wizard step 2, live checks: the security group that gets the rule, and where traffic may come from.
 */
import { checkSecurityGroupName } from "@/lib/core/model/names";
import type { RuleSource, SecurityGroup } from "@/lib/core/model/resources";
import type { Snapshot } from "@/lib/core/model/snapshot";
import { parseCidr } from "@/lib/core/net/cidr";
import { ruleCoversPort } from "@/lib/core/net/port-rule";
import type { NetworkChoice, TargetChoice } from "./choices";
import { desiredSource, findSecurityGroup } from "./live-facts";
import { resolveTarget } from "./target";
import { createdByRun, type FieldErrors, type Validation } from "./types";
import { judgeCidrSource } from "./source-exposure";
import { targetKey } from "@/lib/core/identity/identity";
import { securityGroupNamed } from "@/lib/core/model/shared-groups";
import type { TargetView } from "@/lib/core/model/target-view";

export interface CheckedNetwork {
  securityGroup:
    | { mode: "existing"; group: SecurityGroup }
    /** `adopted`: the run being resumed created this group already (its tags say so). */
    | { mode: "new"; name: string; description: string; adopted?: SecurityGroup };
  /** Canonical, as EC2 will store it. */
  source: RuleSource;
  anywhere: boolean;
}

export const ANYWHERE_WARNING =
  "0.0.0.0/0 lets every address that can route into the VPC reach the cluster's port. ElastiCache is not reachable from the internet, but peered networks, VPNs and every instance in the VPC are. Prefer the application's security group.";

export function newSecurityGroupDescription(clusterId: string): string {
  return `BullMQ access to ${clusterId}, created by QueueReady`;
}

export function validateNetwork(
  snapshot: Snapshot,
  t: TargetChoice,
  n: NetworkChoice,
  resume?: { runId: string },
): Validation<CheckedNetwork> {
  const resolved = resolveTarget(snapshot, t);
  if (!resolved.ok) return { ok: false, fieldErrors: { target: [resolved.message] } };
  return validateNetworkOf(snapshot, resolved.target, t, n, resume);
}

/** The facts of a target the network step needs: ElastiCache and MemoryDB views both have them. */
export type NetworkTarget = Pick<TargetView, "ref" | "vpcId" | "port" | "securityGroupIds">;

/** validateNetwork for a target already resolved (a MemoryDB cluster's view, say). */
export function validateNetworkOf(
  snapshot: Snapshot,
  target: NetworkTarget,
  t: TargetChoice,
  n: NetworkChoice,
  resume?: { runId: string },
): Validation<CheckedNetwork> {
  const errors: FieldErrors = {};
  const warnings: string[] = [];
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  if (!snapshot.securityGroups.ok)
    return { ok: false, fieldErrors: { securityGroup: [snapshot.securityGroups.problem.message] } };
  if (!target.vpcId)
    return {
      ok: false,
      fieldErrors: { securityGroup: [`The VPC of ${t.id} is unknown: its subnet group was not read.`] },
    };

  let securityGroup: CheckedNetwork["securityGroup"] | undefined;
  if (n.securityGroup.mode === "existing") {
    const group = findSecurityGroup(snapshot, n.securityGroup.groupId);
    if (!target.securityGroupIds.includes(n.securityGroup.groupId)) {
      add(
        "securityGroup.groupId",
        `${n.securityGroup.groupId} is not attached to ${t.id}: choose one of ${target.securityGroupIds.join(", ")} or create a new group.`,
      );
    } else if (!group)
      add("securityGroup.groupId", `${n.securityGroup.groupId} was not found in ${t.region}.`);
    else securityGroup = { mode: "existing", group };
  } else {
    const wanted = n.securityGroup;
    const check = checkSecurityGroupName(wanted.name);
    const taken = securityGroupNamed(snapshot, target.vpcId, wanted.name);
    if (!check.ok) add("securityGroup.name", check.reason);
    else if (taken && createdByRun(taken.tags, resume?.runId, targetKey(target.ref)))
      securityGroup = {
        mode: "new",
        name: check.normalized,
        description: wanted.description || newSecurityGroupDescription(t.id),
        adopted: taken,
      };
    else if (taken)
      add("securityGroup.name", `The VPC already has a security group named ${taken.name} (${taken.id}).`);
    else
      securityGroup = {
        mode: "new",
        name: check.normalized,
        description: wanted.description || newSecurityGroupDescription(t.id),
      };
  }

  const source = desiredSource(n.source);
  if (n.source.kind === "security-group") {
    const app = findSecurityGroup(snapshot, n.source.groupId);
    if (!app) add("source.groupId", `${n.source.groupId} was not found in ${t.region}.`);
    else if (app.vpcId !== target.vpcId) {
      add(
        "source.groupId",
        `${app.name} (${app.id}) is in ${app.vpcId}, not in the cluster's VPC ${target.vpcId}.`,
      );
    }
  } else if (n.source.kind === "cidr") {
    const parsed = parseCidr(n.source.cidr);
    if (!parsed.ok) add("source.cidr", parsed.reason);
    else {
      const exposure = judgeCidrSource(parsed.canonical, existingCidrs(securityGroup, target.port));
      if (!exposure.ok) add("source.cidr", exposure.error);
      else if (exposure.warning) warnings.push(exposure.warning);
      if (exposure.ok && parsed.canonical !== n.source.cidr.trim())
        warnings.push(`AWS stores ${n.source.cidr.trim()} as ${parsed.canonical}.`);
    }
  } else {
    warnings.push(ANYWHERE_WARNING);
  }
  if (Object.keys(errors).length > 0 || !securityGroup || !source) return { ok: false, fieldErrors: errors };
  return { ok: true, value: { securityGroup, source, anywhere: n.source.kind === "anywhere" }, warnings };
}

/** The CIDRs an existing group already admits on the port: a new range is judged together with them. */
function existingCidrs(
  group: CheckedNetwork["securityGroup"] | undefined,
  port: number | undefined,
): string[] {
  if (group?.mode !== "existing" || port === undefined) return [];
  return group.group.ingress
    .filter((r) => ruleCoversPort(r, port))
    .flatMap((r) => (r.source.kind === "cidr" || r.source.kind === "cidr6" ? [r.source.cidr] : []));
}
