/**
 * The AWS CLI of MemoryDB fixes, for a person to read or paste (the plan makes the real change): a new
 * group in the cluster's family with noeviction, or editing the cluster's own custom group when nobody else
 * uses it. MemoryDB has no `cluster-enabled` parameter (every cluster is cluster mode) and UpdateCluster has
 * no ApplyImmediately.
 */
import { newParameterGroupName } from "./group-name";
import { shq, wizardHref } from "./remediation";
import type { TargetView } from "./target";
import type { Remediation } from "./types";

export function memoryDbCreateGroupCommand(
  region: string,
  group: string,
  family: string,
  description: string,
) {
  return `aws memorydb create-parameter-group --region ${region} --parameter-group-name ${shq(group)} --family ${shq(family)} --description ${shq(description)}`;
}

export function memoryDbNoevictionCommand(region: string, group: string): string {
  return `aws memorydb update-parameter-group --region ${region} --parameter-group-name ${shq(group)} --parameter-name-values ParameterName=maxmemory-policy,ParameterValue=noeviction`;
}

export function memoryDbUpdateClusterCommand(
  t: TargetView,
  change: { parameterGroup?: string; securityGroupIds?: string[] },
): string {
  const flags: string[] = [];
  if (change.parameterGroup) flags.push(`--parameter-group-name ${shq(change.parameterGroup)}`);
  if (change.securityGroupIds)
    flags.push(`--security-group-ids ${change.securityGroupIds.map(shq).join(" ")}`);
  return `aws memorydb update-cluster --region ${t.region} --cluster-name ${shq(t.ref.id)} ${flags.join(" ")}`;
}

/** The name the plan proposes for the cluster's new MemoryDB group, free among the region's MemoryDB groups. */
export function suggestMemoryDbGroupName(t: TargetView): string {
  const read = t.snapshot.memorydb?.parameterGroups;
  const taken = read?.ok ? read.value.map((g) => g.name) : [];
  return newParameterGroupName({ family: t.family, engine: t.engine, clusterMode: false }, taken);
}

/** noeviction for a MemoryDB cluster: edit its own custom group, else a new group attached to it. */
export function memoryDbEvictionRemediation(
  t: TargetView,
  group: string,
  isDefault: boolean,
  others: string[],
): Remediation {
  if (!isDefault && others.length === 0)
    return {
      summary: `Set maxmemory-policy=noeviction on ${group}: it takes effect at once, no reboot.`,
      cli: [memoryDbNoevictionCommand(t.region, group)],
      wizardHref: wizardHref(t.ref),
    };
  const fresh = suggestMemoryDbGroupName(t);
  const family = t.family ?? "<family>";
  const why = isDefault
    ? ""
    : ` (not ${group}: ${others.join(", ")} ${others.length === 1 ? "uses" : "use"} it too)`;
  return {
    summary: `Create a ${family} group with maxmemory-policy=noeviction and attach it${why}; no reboot, no downtime.`,
    cli: [
      memoryDbCreateGroupCommand(t.region, fresh, family, `BullMQ: noeviction for ${t.ref.id}`),
      memoryDbNoevictionCommand(t.region, fresh),
      memoryDbUpdateClusterCommand(t, { parameterGroup: fresh }),
    ],
    wizardHref: wizardHref(t.ref),
  };
}
