/**
 * `network-ingress`: some security group attached to the cluster must let traffic in on the cluster's port
 * (read from its endpoint, never assumed 6379). Names each source; warns when the CIDR sources together cover
 * a large part of the public internet (0.0.0.0/0, but also 0.0.0.0/1 + 128.0.0.0/1, ::/1, ::ffff:0.0.0.0/96),
 * which AWS allows and which is unreachable from outside the VPC, but exposes the cache to anything in it.
 */
import { ruleCoversPort } from "@/lib/core/net/port-rule";
import type { Evidence, Finding } from "@/lib/core/readiness/types";
import { membersProblem, type TargetView } from "@/lib/core/readiness/target";
import { sourceOf, unknownFinding, wizardHref } from "@/lib/core/readiness/remediation";
import { isBullmqCandidate, type Rule } from "./rule";
import { describeRule, describeSource, ingressCommand, revokeCommand } from "./ingress-text";
import { widelyOpen, type Match } from "./ingress-exposure";

export const networkIngressRule: Rule = {
  id: "network-ingress",
  title: "An attached security group allows inbound TCP on the cluster's port (wide internet sources warned)",
  check(t) {
    if (!isBullmqCandidate(t)) return [];
    const problem = membersProblem(t);
    if (problem)
      return [
        unknownFinding(
          "network-ingress",
          "Network access unknown: the cluster's nodes could not be read",
          problem,
          t.region,
        ),
      ];
    if (t.port === undefined) {
      const noEndpoint = {
        code: "unknown" as const,
        message: `${t.ref.id} reports no endpoint yet, so its port is not known.`,
        operation: t.memorydb ? "DescribeClusters" : "DescribeReplicationGroups",
        region: t.region,
        retryable: true,
      };
      return [
        unknownFinding("network-ingress", "Network access unknown: no endpoint yet", noEndpoint, t.region),
      ];
    }
    // A MemoryDB cluster carries its security groups itself; ElastiCache's are on the member nodes.
    const attachedIds = t.memorydb
      ? t.securityGroupIds
      : [...new Set((t.members.ok ? t.members.value : []).flatMap((m) => m.securityGroups.map((g) => g.id)))];
    if (attachedIds.length === 0) {
      return [
        {
          ruleId: "network-ingress",
          severity: "fail",
          title: "No VPC security group attached",
          detail:
            "Without a security group that allows the port, every connection attempt times out; attach one with an inbound rule from the application.",
          evidence: [
            {
              observed: "no security groups on the nodes",
              expected: `a group allowing tcp ${t.port}`,
              source: sourceOf("DescribeCacheClusters", undefined, t.region),
            },
          ],
          remediation: {
            summary: "Attach a security group with an inbound rule on the cluster's port.",
            cli: [],
            wizardHref: wizardHref(t.ref),
          },
        },
      ];
    }
    const read = t.snapshot.securityGroups;
    if (!read.ok)
      return [
        unknownFinding(
          "network-ingress",
          "Network access unknown: security groups could not be read",
          read.problem,
          t.region,
          attachedIds.join(", "),
        ),
      ];
    return judge(t, t.port, attachedIds);
  },
};

/** Only called when DescribeSecurityGroups succeeded, so the index holds every group it returned. */
function judge(t: TargetView, port: number, attachedIds: string[]): Finding[] {
  const byId = t.index.securityGroups;
  const evidence: Evidence[] = attachedIds.map((id) => {
    const sg = byId.get(id);
    const rules = sg?.ingress.map((r) => describeRule(r, byId)).join("; ") || "no inbound rules";
    return {
      observed: sg ? `${id} (${sg.name}): ${rules}` : `${id}: not returned by DescribeSecurityGroups`,
      expected: `tcp ${port}`,
      source: sourceOf("DescribeSecurityGroups", id, t.region),
    };
  });
  const matches: Match[] = attachedIds.flatMap((id) =>
    (byId.get(id)?.ingress ?? [])
      .filter((r) => ruleCoversPort(r, port))
      .map((rule) => ({ groupId: id, rule })),
  );
  if (matches.length === 0) {
    if (attachedIds.some((id) => !byId.has(id))) {
      const missing = {
        code: "not-found" as const,
        message:
          "An attached security group was not returned; it may have been deleted or belong to another account.",
        operation: "DescribeSecurityGroups",
        region: t.region,
        retryable: false,
      };
      return [
        {
          ...unknownFinding(
            "network-ingress",
            "Network access unknown: an attached security group could not be seen",
            missing,
            t.region,
          ),
          evidence,
        },
      ];
    }
    const vpc = t.vpcId;
    const vpcCidr = vpc && t.snapshot.vpcs.ok ? t.index.vpcs.get(vpc)?.cidrBlocks[0] : undefined;
    const target = attachedIds[0]!;
    const otherPorts = attachedIds.some((id) => byId.get(id)?.ingress.some((r) => r.protocol === "tcp"));
    return [
      {
        ruleId: "network-ingress",
        severity: "fail",
        title: `No inbound rule on port ${port}`,
        detail: `No attached security group allows tcp ${port}, so BullMQ's connections time out (it looks like a plain network timeout).${otherPorts ? " The rules that exist are for other ports." : ""} Add a rule from the application's security group (recommended) or from the VPC CIDR.`,
        evidence,
        remediation: {
          summary: `Allow tcp ${port} into ${target} from the application's security group.`,
          cli: [
            ingressCommand(t.region, target, port, {
              kind: "security-group",
              groupId: "<app-security-group-id>",
            }),
            ...(vpcCidr
              ? [
                  `# or from the whole VPC: ${ingressCommand(t.region, target, port, { kind: "cidr", cidr: vpcCidr })}`,
                ]
              : []),
          ],
          wizardHref: wizardHref(t.ref),
        },
      },
    ];
  }
  const sources = matches.map((m) => describeSource(m.rule.source, byId));
  const findings: Finding[] = [
    {
      ruleId: "network-ingress",
      severity: "pass",
      title: `Port ${port} open to ${[...new Set(sources)].join(", ")}`,
      detail: "An attached security group lets the application in on the cluster's port.",
      evidence,
    },
  ];
  const wide = widelyOpen(matches);
  if (wide) {
    const { open, coverage } = wide;
    findings.unshift({
      ruleId: "network-ingress",
      severity: "warn",
      title: `Port ${port} open to ${open.map((m) => describeSource(m.rule.source, byId)).join(" and ")}${coverage}`,
      detail: `${coverage ? "These sources cover a large part of the public internet." : "Together these sources cover every public IPv4 address (or every global IPv6 address)."} The cluster is not reachable from outside AWS, but anything that gets into the VPC (or a peered network) can reach the cache. Allow the application's security group instead and remove the open rule.`,
      evidence,
      remediation: {
        summary: "Replace the open rule with one from the application's security group.",
        cli: [
          ingressCommand(t.region, open[0]!.groupId, port, {
            kind: "security-group",
            groupId: "<app-security-group-id>",
          }),
          ...open.map((m) => revokeCommand(t.region, m.groupId, m.rule)),
        ],
        wizardHref: wizardHref(t.ref),
      },
    });
  }
  return findings;
}
