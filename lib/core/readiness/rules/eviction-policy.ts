/**
 * `eviction-policy`: maxmemory-policy must be `noeviction` in the group the cluster's nodes actually use.
 * It says which kind of problem it is, because each has a different fix: a default group (immutable, needs a
 * custom group), a custom group with another value (edit it, or a dedicated group when others share it), and
 * `volatile-*` (looks safe, is not).
 */
import { isDefaultParameterGroup } from "@/lib/core/model/resources";
import type { Evidence, Finding, Remediation } from "@/lib/core/readiness/types";
import { attachedGroupNames, membersProblem, type TargetView } from "@/lib/core/readiness/target";
import { familyOf, groupUsers, readPolicy, type PolicyReading } from "@/lib/core/readiness/parameter-groups";
import {
  createGroupCommand,
  modifyTargetCommand,
  setNoevictionCommand,
  sourceOf,
  suggestGroupName,
  unknownFinding,
  wizardHref,
} from "@/lib/core/readiness/remediation";
import { memoryDbEvictionRemediation } from "@/lib/core/readiness/memorydb-remediation";
import { isBullmqCandidate, type Rule } from "./rule";

const WHY =
  "BullMQ needs maxmemory-policy=noeviction: under memory pressure any other policy lets the server delete queue keys, and BullMQ then loses jobs.";
const VOLATILE_WHY =
  'A volatile-* policy only evicts keys that have a TTL, which sounds safe, but BullMQ\'s job locks carry TTLs: an evicted lock shows up as "Missing lock for job" errors, stalled jobs and jobs processed twice or lost.';

export const evictionPolicyRule: Rule = {
  id: "eviction-policy",
  title: "maxmemory-policy is noeviction in the cluster's effective parameter group",
  check(t) {
    if (!isBullmqCandidate(t)) return [];
    const problem = membersProblem(t);
    if (problem)
      return [
        unknownFinding(
          "eviction-policy",
          "Eviction policy unknown: the cluster's nodes could not be read",
          problem,
          t.region,
        ),
      ];
    const names = attachedGroupNames(t);
    if (names.length === 0) {
      const missing = {
        code: "unknown" as const,
        message: `The nodes of ${t.ref.id} report no parameter group; refresh the audit.`,
        operation: "DescribeCacheClusters",
        region: t.region,
        retryable: true,
      };
      return [
        unknownFinding(
          "eviction-policy",
          "Eviction policy unknown: no parameter group reported",
          missing,
          t.region,
        ),
      ];
    }
    return names.map((name) => checkGroup(t, name));
  },
};

function checkGroup(t: TargetView, name: string): Finding {
  const read = readPolicy(t.snapshot, name, t.service);
  if (!read.ok)
    return unknownFinding(
      "eviction-policy",
      `Eviction policy unknown: the parameters of ${name} could not be read`,
      read.problem,
      t.region,
      name,
    );
  const policy = read.value;
  const evidence: Evidence[] = [
    {
      observed: `${name} attached to ${t.members.ok && !t.memorydb ? t.members.value.map((m) => m.id).join(", ") : t.ref.id}`,
      source: sourceOf(t.memorydb ? "DescribeClusters" : "DescribeCacheClusters", undefined, t.region),
    },
    {
      observed: describePolicy(policy),
      expected: "noeviction",
      source: t.memorydb
        ? sourceOf("DescribeParameters", name, t.region)
        : policySource(policy, name, t.region),
    },
  ];
  if (policy.value === "noeviction") {
    return {
      ruleId: "eviction-policy",
      severity: "pass",
      title: `maxmemory-policy is noeviction (${name})`,
      detail: WHY,
      evidence,
    };
  }
  const isDefault = isDefaultParameterGroup(name);
  const volatile = policy.value.startsWith("volatile-");
  const title = isDefault
    ? `Default parameter group ${name} attached: maxmemory-policy is ${policy.value}`
    : `Custom group ${name} has maxmemory-policy ${policy.value}`;
  const kind = isDefault
    ? `The cluster still uses the default group ${name}, which AWS does not let anyone modify: a custom group with noeviction has to be created and attached.`
    : `The custom group ${name} is attached but sets ${policy.value}.`;
  return {
    ruleId: "eviction-policy",
    severity: "fail",
    title,
    detail: [WHY, kind, volatile ? VOLATILE_WHY : ""].filter(Boolean).join(" "),
    evidence,
    remediation: remediate(t, name, isDefault),
  };
}

function describePolicy(p: PolicyReading): string {
  if (p.fixedDefault)
    return `maxmemory-policy = ${p.value} (the ${p.fixedDefault.family} family default; not read: AWS does not let anyone change a default group)`;
  if (!p.reported) return `no maxmemory-policy value reported: the family default ${p.value} applies`;
  return `maxmemory-policy = ${p.value}${p.source ? ` (source: ${p.source})` : ""}`;
}

/** Where the value came from: the DescribeCacheParameters read, or for a default group the fact that none was needed. */
function policySource(p: PolicyReading, name: string, region: string): string {
  if (p.fixedDefault)
    return `AWS default parameter group ${name} (family ${p.fixedDefault.family}): fixed at the family default, cannot be modified`;
  return sourceOf("DescribeCacheParameters", name, region);
}

function remediate(t: TargetView, name: string, isDefault: boolean): Remediation {
  const others = groupUsers(t.snapshot, name, t.service).filter((id) => id !== t.ref.id);
  if (t.memorydb) return memoryDbEvictionRemediation(t, name, isDefault, others);
  const wizard = wizardHref(t.ref);
  if (!isDefault && others.length === 0) {
    return {
      summary: `Set maxmemory-policy=noeviction on ${name}: it takes effect at once, no reboot.`,
      cli: [setNoevictionCommand(t.region, name, false)],
      wizardHref: wizard,
    };
  }
  const known = familyOf(t.snapshot, name, t);
  const family = known ?? "<family>";
  const fresh = suggestGroupName(t, known);
  const attach = t.group?.globalReplicationGroup
    ? `aws elasticache modify-global-replication-group --region ${t.region} --global-replication-group-id ${t.group.globalReplicationGroup.id} --cache-parameter-group-name ${fresh} --apply-immediately`
    : modifyTargetCommand(t, { parameterGroup: fresh });
  const why = isDefault
    ? ""
    : ` (not ${name}: ${others.join(", ")} ${others.length === 1 ? "uses" : "use"} it too)`;
  return {
    summary: `Create a custom ${family} group with maxmemory-policy=noeviction${t.clusterMode ? " and cluster-enabled=yes" : ""} and attach it${why}; no reboot, no downtime.`,
    cli: [
      createGroupCommand(t.region, fresh, family, `BullMQ: noeviction for ${t.ref.id}`),
      setNoevictionCommand(t.region, fresh, t.clusterMode),
      attach,
    ],
    wizardHref: wizard,
  };
}
