/**
 * The audit itself: run every rule over every target of a region snapshot and reduce the findings to one
 * verdict per cluster. Pure: the same snapshot always gives the same audit.
 */
import { memoryWatchOf } from "@/lib/core/model/memory-watch";
import type { AwsProblem } from "@/lib/core/model/resources";
import type { TargetRef } from "@/lib/core/identity/identity";
import { listTargets } from "@/lib/core/model/list-targets";
import type { ReadResult, RegionSnapshot, Snapshot } from "@/lib/core/model/snapshot";
import { viewTarget } from "@/lib/core/model/target-view";
import { topologyOf, vpcNameOf } from "@/lib/core/model/target-shape";
import { ownerOf, type OwnedResource } from "@/lib/core/model/ownership";
import { memoryDbConnection, memoryDbParts, memoryDbReadsOf } from "./memorydb-audit";
import { RULES } from "./rules";
import { attachedGroupNames, type TargetView } from "./target";
import { groupSummary } from "./parameter-groups";
import {
  SEVERITY_ORDER,
  type ClusterAudit,
  type ConnectionInfo,
  type Finding,
  type PartOwner,
  type RegionAudit,
  type Verdict,
} from "./types";

/**
 * The worst definite finding decides. Not-applicable and incompatible are facts of the cluster and win over
 * everything; then any `fail` means needs-changes, even while another rule is unknown (a failed read cannot
 * make a plain failure less certain, and the unknown finding is still listed). Unknown only when nothing
 * definite fails.
 */
export function verdictOf(findings: Finding[]): Verdict {
  if (findings.some((f) => f.decides === "not-applicable")) return "not-applicable";
  if (findings.some((f) => f.decides === "incompatible")) return "incompatible";
  if (findings.some((f) => f.severity === "fail")) return "needs-changes";
  if (findings.some((f) => f.severity === "unknown")) return "unknown";
  return "ready";
}

function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
}

function connectionOf(t: TargetView): ConnectionInfo | undefined {
  if (t.memorydb) return memoryDbConnection(t.memorydb);
  const g = t.group;
  const endpoint = g
    ? g.clusterEnabled
      ? g.configurationEndpoint
      : g.nodeGroups.find((n) => n.primaryEndpoint)?.primaryEndpoint
    : t.standalone?.nodes.find((n) => n.endpoint)?.endpoint;
  if (!endpoint) return undefined;
  const tls = g?.transitEncryptionEnabled ?? t.standalone?.transitEncryptionEnabled ?? false;
  const token = g?.authTokenEnabled ?? t.standalone?.authTokenEnabled ?? false;
  const auth = (g?.userGroupIds.length ?? 0) > 0 ? "rbac" : token ? "token" : "none";
  return {
    mode: g?.clusterEnabled ? "cluster" : "single",
    host: endpoint.address,
    port: endpoint.port,
    tls,
    auth,
  };
}

/** The target itself as an ownable resource. */
function targetResource(t: TargetView): OwnedResource {
  return { kind: t.ref.kind, id: t.ref.id };
}

/** What the target uses, each once: its parameter groups, subnet group and security groups. */
function partsOf(t: TargetView): OwnedResource[] {
  if (t.memorydb) return memoryDbParts(t);
  const groups = t.parameterGroupNames.map((name): OwnedResource => {
    const g = t.index.parameterGroups.get(name);
    return { kind: "parameter-group", id: name, ...(g ? { description: g.description } : {}) };
  });
  const subnet: OwnedResource[] = t.subnetGroupName ? [{ kind: "subnet-group", id: t.subnetGroupName }] : [];
  const sgs = t.securityGroupIds.map((id): OwnedResource => {
    const g = t.index.securityGroups.get(id);
    return { kind: "security-group", id, ...(g ? { tags: g.tags, description: g.description } : {}) };
  });
  return [...groups, ...subnet, ...sgs];
}

function partOwners(t: TargetView): PartOwner[] {
  return partsOf(t).map((p) => ({ kind: p.kind, id: p.id, owner: ownerOf(t.snapshot.owners, p, t.region) }));
}

/** The audit of one target, or undefined when the snapshot does not contain it. */
export function auditTarget(snapshot: Snapshot, ref: TargetRef): ClusterAudit | undefined {
  const t = viewTarget(snapshot, ref);
  if (!t) return undefined;
  const findings = RULES.flatMap((rule) => rule.check(t)).sort(bySeverity);
  const verdict = verdictOf(findings);
  const groupName = attachedGroupNames(t)[0];
  const usable = verdict !== "incompatible" && verdict !== "not-applicable";
  return {
    ref,
    name: ref.id,
    kind: ref.kind,
    engine: t.engine,
    engineVersion: t.engineVersion,
    accountId: ref.accountId,
    region: t.region,
    vpcId: t.vpcId,
    vpcName: vpcNameOf(t),
    status: t.status,
    topology: topologyOf(t),
    port: t.port,
    parameterGroup: groupName ? groupSummary(t, groupName) : undefined,
    verdict,
    findings,
    connection: usable ? connectionOf(t) : undefined,
    owner: ownerOf(t.snapshot.owners, targetResource(t), t.region),
    partOwners: partOwners(t),
    memoryUse: memoryWatchOf(t).use,
  };
}

/** Every failed read of the snapshot, once each (same operation and message). */
export function snapshotProblems(s: Snapshot): AwsProblem[] {
  const reads: ReadResult<unknown>[] = [
    s.replicationGroups,
    s.cacheClusters,
    s.serverlessCaches,
    s.parameterGroups,
    s.subnetGroups,
    s.securityGroups,
    s.vpcs,
    ...Object.values(s.parameters),
    ...memoryDbReadsOf(s),
  ];
  if (s.owners) reads.push(s.owners.stacks);
  if (s.cloudwatch) reads.push(s.cloudwatch.alarms, s.cloudwatch.memory);
  const seen = new Map<string, AwsProblem>();
  for (const read of reads) {
    if (!read.ok)
      seen.set(`${read.problem.operation}|${read.problem.code}|${read.problem.message}`, read.problem);
  }
  // Terraform state files are not AWS reads, but a person must hear of one that cannot be read.
  for (const message of [...(s.owners?.terraform.problems ?? []), ...(s.owners?.terraform.warnings ?? [])])
    seen.set(`terraform|${message}`, { code: "invalid-input", message, region: s.region, retryable: false });
  return [...seen.values()];
}

export function auditRegion(snapshot: RegionSnapshot): RegionAudit {
  return regionAuditOf(
    snapshot,
    listTargets(snapshot).map((ref) => auditTarget(snapshot, ref)),
  );
}

/**
 * The region's audit from the audits of its targets (`listTargets` order or any other): sorted by name,
 * with the snapshot's problems. Lets a caller judge the targets a slice at a time (lib/services/audit).
 */
export function regionAuditOf(
  snapshot: RegionSnapshot,
  audits: ReadonlyArray<ClusterAudit | undefined>,
): RegionAudit {
  const clusters = audits
    .filter((a): a is ClusterAudit => a !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
  const lists = [snapshot.replicationGroups, snapshot.cacheClusters, snapshot.serverlessCaches];
  const failed =
    lists.every((l) => !l.ok) && !snapshot.cacheClusters.ok ? snapshot.cacheClusters.problem : undefined;
  return {
    scope: snapshot.scope,
    region: snapshot.region,
    readAt: snapshot.readAt,
    clusters,
    problems: snapshotProblems(snapshot),
    ...(failed ? { failed } : {}),
  };
}
