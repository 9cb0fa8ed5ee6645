/**
 * Steps 1 and 2 of a plan: the security group that carries the rule (created when asked) and the inbound
 * rule on the cluster's port (a no-op when an equivalent rule is already there).
 */
import type { Snapshot } from "@/lib/core/model/snapshot";
import { ruleCoversPort } from "@/lib/core/net/port-rule";
import { describeRule, describeSource, findEquivalentRule } from "./live-facts";
import { clustersOpenedBy } from "./target";
import {
  createdByTags,
  NEW_SECURITY_GROUP_REF,
  type AuthorizeIngressStep,
  type CreateSecurityGroupStep,
} from "./types";
import type { CheckedNetwork, NetworkTarget } from "./validate-network";
import { targetKey } from "@/lib/core/identity/identity";

export function ruleDescription(clusterId: string): string {
  // EC2 rule descriptions take a restricted character set: letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*
  return `BullMQ access to ${clusterId} (QueueReady)`;
}

export function createSecurityGroupStep(
  t: NetworkTarget,
  network: CheckedNetwork,
): CreateSecurityGroupStep | undefined {
  if (network.securityGroup.mode !== "new") return undefined;
  const { name, description, adopted } = network.securityGroup;
  return {
    id: "create-security-group",
    kind: "create-security-group",
    action: adopted ? "no-op" : "create",
    title: `Create security group ${name} in ${t.vpcId}`,
    noopReason: adopted
      ? `${name} (${adopted.id}) was created by the run being resumed (its tags say so): it is taken up, not created again.`
      : undefined,
    service: "ec2",
    operation: "CreateSecurityGroup",
    input: { groupName: name, description, vpcId: t.vpcId!, ...(adopted ? { existingId: adopted.id } : {}) },
    tags: createdByTags(targetKey(t.ref)),
    changes: [
      { attribute: "GroupName", before: null, after: name },
      { attribute: "VpcId", before: null, after: t.vpcId! },
    ],
    effect: {
      when: "immediately",
      reboot: false,
      downtime: false,
      why: "A new security group with no inbound rule: it changes nothing until the cluster is given it.",
    },
    touches: [],
    securitySensitive: true,
  };
}

export function authorizeIngressStep(
  snapshot: Snapshot,
  t: NetworkTarget,
  network: CheckedNetwork,
): AuthorizeIngressStep {
  const port = t.port!;
  const sg = network.securityGroup;
  const existing = sg.mode === "existing" ? sg.group : undefined;
  // A group the resumed run created is not attached to anything else: only its rules matter here.
  const ruleGroup = existing ?? (sg.mode === "new" ? sg.adopted : undefined);
  const groupLabel = existing ? `${existing.name} (${existing.id})` : "the new security group";
  const equivalent = ruleGroup ? findEquivalentRule(ruleGroup, port, network.source) : undefined;
  const onPort = ruleGroup
    ? ruleGroup.ingress.filter((r) => ruleCoversPort(r, port)).map((r) => describeRule(r, snapshot))
    : [];
  const newRule = `tcp ${port} from ${describeSource(network.source, snapshot)}`;
  const description = ruleDescription(t.ref.id);
  return {
    id: "authorize-ingress",
    kind: "authorize-ingress",
    action: equivalent ? "no-op" : "create",
    title: `Allow ${newRule} into ${groupLabel}`,
    noopReason: equivalent
      ? `${groupLabel} already allows ${describeRule(equivalent, snapshot)}${equivalent.ruleId ? ` (${equivalent.ruleId})` : ""}: it is reused.`
      : undefined,
    service: "ec2",
    operation: "AuthorizeSecurityGroupIngress",
    input: {
      groupId: existing ? existing.id : { ref: NEW_SECURITY_GROUP_REF },
      port,
      source: network.source,
      description,
      // Only a rule QueueReady made (in the group the resumed run created) is its to hand over.
      ...(!existing && equivalent?.ruleId ? { existingRuleId: equivalent.ruleId } : {}),
    },
    tags: equivalent ? undefined : createdByTags(targetKey(t.ref)),
    changes: [
      {
        attribute: `Inbound rules on port ${port}`,
        before: onPort.length > 0 ? onPort.join("; ") : "none",
        after: equivalent ? onPort.join("; ") : [...onPort, newRule].join("; "),
      },
    ],
    effect: {
      when: "immediately",
      reboot: false,
      downtime: false,
      why: "Security group rules take effect at once for new connections; no node is touched.",
    },
    // A new rule in a shared group opens the port on every cluster that has the group, too.
    touches:
      existing && !equivalent
        ? clustersOpenedBy(snapshot, existing.id, port).filter((c) => c !== t.ref.id)
        : [],
    securitySensitive: true,
    dependsOn: existing ? undefined : ["create-security-group"],
  };
}
