/**
 * `shared-parameter-group`: editing a custom group changes every cluster that uses it, at once. When the group
 * still needs the noeviction change, that is a decision about the other clusters too, so they are named.
 * Default groups are shared by every cluster of the family but cannot be edited, so they are not reported.
 */
import { isDefaultParameterGroup } from "@/lib/core/model/resources";
import type { Finding } from "@/lib/core/readiness/types";
import { attachedGroupNames, type TargetView } from "@/lib/core/readiness/target";
import { groupUsers, readPolicy } from "@/lib/core/readiness/parameter-groups";
import { sourceOf, wizardHref } from "@/lib/core/readiness/remediation";
import { isBullmqCandidate, type Rule } from "./rule";
import { plural } from "@/lib/core/text/plural";

export const sharedParameterGroupRule: Rule = {
  id: "shared-parameter-group",
  title: "A custom parameter group shared with other clusters is named with its users",
  check(t) {
    if (!isBullmqCandidate(t)) return [];
    return attachedGroupNames(t).flatMap((name) => (isDefaultParameterGroup(name) ? [] : check(t, name)));
  },
};

function check(t: TargetView, name: string): Finding[] {
  const others = groupUsers(t.snapshot, name, t.service).filter((id) => id !== t.ref.id);
  if (others.length === 0) return [];
  const policy = readPolicy(t.snapshot, name, t.service);
  const needsChange = !policy.ok || policy.value.value !== "noeviction";
  const evidence = [
    {
      observed: `${name} is used by ${[t.ref.id, ...others].join(", ")}`,
      expected: `used by ${t.ref.id} only`,
      source: sourceOf(t.memorydb ? "DescribeClusters" : "DescribeCacheClusters", undefined, t.region),
    },
  ];
  if (!needsChange) {
    return [
      {
        ruleId: "shared-parameter-group",
        severity: "info",
        title: `Parameter group ${name} is shared with ${plural(others.length, "other cluster")}`,
        detail: `Any later edit of ${name} also changes ${others.join(", ")}. Its eviction policy is already right.`,
        evidence,
      },
    ];
  }
  return [
    {
      ruleId: "shared-parameter-group",
      severity: "warn",
      title: `Parameter group ${name} is shared with ${others.join(", ")}`,
      detail: `Setting noeviction on ${name} changes ${others.join(", ")} too, at once. That may be wanted (if they also run queues) or not (a cache that relies on eviction would start refusing writes when full). A dedicated group for ${t.ref.id} changes nothing else.`,
      evidence,
      remediation: {
        summary: `Give ${t.ref.id} its own noeviction group (the wizard's default), or edit ${name} knowingly for all its users.`,
        cli: [],
        wizardHref: wizardHref(t.ref),
      },
    },
  ];
}
