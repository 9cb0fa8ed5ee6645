/**
 * Guesses for wizard step 2: which security groups in the cluster's VPC look like the application's,
 * and a free name for a new group.
 */
import type { Snapshot } from "@/lib/core/model/snapshot";
import { ruleCoversPort } from "@/lib/core/net/port-rule";
import { clustersUsingSecurityGroup } from "./target";
import type { NetworkTarget } from "./validate-network";
import { securityGroupsInVpc } from "@/lib/core/model/shared-groups";

export interface AppGroupCandidate {
  id: string;
  name: string;
  /** Why it is suggested, e.g. "already allowed into cache-prod on port 6379". */
  reason: string;
}

/**
 * Security groups in the cluster's VPC that are not cache groups, best first: groups another cache group
 * already admits on the cluster's port (any port when it is unknown: never assume 6379) are most likely the
 * application's; the VPC's `default` group comes last.
 */
export function appGroupCandidates(snapshot: Snapshot, t: NetworkTarget): AppGroupCandidate[] {
  const inVpc = securityGroupsInVpc(snapshot, t.vpcId);
  const cacheGroups = inVpc.filter((g) => clustersUsingSecurityGroup(snapshot, g.id).length > 0);
  const admittedBy = (id: string) =>
    cacheGroups.find((c) =>
      c.ingress.some(
        (r) =>
          r.source.kind === "security-group" &&
          r.source.groupId === id &&
          (t.port === undefined || ruleCoversPort(r, t.port)),
      ),
    );
  const scored = inVpc
    .filter((g) => !cacheGroups.includes(g) && !t.securityGroupIds.includes(g.id))
    .map((g) => {
      const via = admittedBy(g.id);
      const score = via ? 0 : g.name === "default" ? 2 : 1;
      const reason = via
        ? `already allowed into ${via.name} (${via.id}) on the Redis port`
        : g.name === "default"
          ? "the VPC's default group: every instance without a group of its own has it"
          : "a security group in the cluster's VPC";
      return { id: g.id, name: g.name, reason, score };
    })
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return scored.map(({ id, name, reason }) => ({ id, name, reason }));
}

/** `queueready-<cluster>`, with a number added when the VPC already has that name. */
export function uniqueSecurityGroupName(snapshot: Snapshot, t: NetworkTarget): string {
  const taken = new Set(securityGroupsInVpc(snapshot, t.vpcId).map((g) => g.name.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? `queueready-${t.ref.id}` : `queueready-${t.ref.id}-${n}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
