/**
 * Shared pieces of findings: where evidence came from, the wizard link for a target, and the AWS CLI commands
 * of the fixes. The commands are for a person to read or paste; the wizard and lib/core/plan make the real change.
 */
import type { AwsProblem } from "@/lib/core/model/resources";
import { newParameterGroupName } from "./group-name";
import type { Evidence, Finding, RuleId } from "./types";
import type { TargetView } from "./target";

/** `DescribeCacheParameters default.redis7 (us-east-1)`: the read behind a piece of evidence. */
export function sourceOf(operation: string, subject: string | undefined, region: string): string {
  return subject ? `${operation} ${subject} (${region})` : `${operation} (${region})`;
}

export { wizardHref } from "@/lib/core/identity/links";

/** Single-quotes a value for a POSIX shell when it holds anything beyond a safe set. */
export function shq(value: string): string {
  return /^[A-Za-z0-9_.,:/=@+-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The modify call that attaches things to this target: replication group, or standalone cluster. */
export function modifyTargetCommand(
  t: TargetView,
  change: { parameterGroup?: string; securityGroupIds?: string[] },
): string {
  const flags: string[] = [];
  if (change.parameterGroup) flags.push(`--cache-parameter-group-name ${shq(change.parameterGroup)}`);
  if (change.securityGroupIds)
    flags.push(`--security-group-ids ${change.securityGroupIds.map(shq).join(" ")}`);
  const which =
    t.ref.kind === "replication-group"
      ? `modify-replication-group --replication-group-id ${shq(t.ref.id)}`
      : `modify-cache-cluster --cache-cluster-id ${shq(t.ref.id)}`;
  return `aws elasticache ${which} --region ${t.region} ${flags.join(" ")} --apply-immediately`;
}

/** Sets noeviction (and cluster-enabled=yes for cluster mode, in the same call as AWS requires) on a custom group. */
export function setNoevictionCommand(region: string, group: string, clusterMode: boolean): string {
  const values = ["ParameterName=maxmemory-policy,ParameterValue=noeviction"];
  if (clusterMode) values.push("ParameterName=cluster-enabled,ParameterValue=yes");
  return `aws elasticache modify-cache-parameter-group --region ${region} --cache-parameter-group-name ${shq(group)} --parameter-name-values ${values.join(" ")}`;
}

export function createGroupCommand(
  region: string,
  group: string,
  family: string,
  description: string,
): string {
  return `aws elasticache create-cache-parameter-group --region ${region} --cache-parameter-group-name ${shq(group)} --cache-parameter-group-family ${shq(family)} --description ${shq(description)}`;
}

/**
 * The new group the CLI hint creates: the same name the wizard proposes (lib/core/readiness/group-name), so the
 * detail page and the wizard never suggest two different groups for one fix.
 */
export function suggestGroupName(t: TargetView, family: string | undefined): string {
  const taken = t.snapshot.parameterGroups.ok ? t.snapshot.parameterGroups.value.map((g) => g.name) : [];
  return newParameterGroupName({ family, engine: t.engine, clusterMode: t.clusterMode }, taken);
}

/** The finding a rule gives when a read it depends on failed: the verdict becomes Unknown, never a guess. */
export function unknownFinding(
  ruleId: RuleId,
  title: string,
  problem: AwsProblem,
  region: string,
  subject?: string,
): Finding {
  const operation = problem.operation ?? "an AWS read";
  const grant =
    problem.code === "access-denied" && problem.iamAction ? ` Grant ${problem.iamAction} and refresh.` : "";
  const evidence: Evidence[] = [
    {
      observed: `${problem.code}: ${problem.message}`,
      source: sourceOf(operation, subject, problem.region ?? region),
    },
  ];
  return {
    ruleId,
    severity: "unknown",
    title,
    detail: `QueueReady could not read what this check needs, so it does not guess.${grant}`,
    evidence,
    problem,
    remediation:
      problem.iamAction && problem.code === "access-denied"
        ? { summary: `Grant the IAM permission ${problem.iamAction}, then refresh the audit.`, cli: [] }
        : undefined,
  };
}
