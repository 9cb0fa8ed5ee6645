import { describe, expect, it } from "vitest";
import type { IngressRule } from "@/lib/core/model/resources";
import {
  accessDenied,
  allTrafficRule,
  fromCidr,
  fromCidr6,
  fromGroup,
  makeSecurityGroup,
  tcpRule,
} from "@/tools/testing/fixtures";
import { audit, findings, healthyAccount, READY, VPC } from "@/tools/testing/readiness-helpers";

function withRules(rules: IngressRule[], port = 6379) {
  const b = healthyAccount().securityGroup(makeSecurityGroup("sg-x", "cache-x", VPC, rules));
  return audit(b.replicationGroup({ id: "q", ...READY, securityGroupIds: ["sg-x"], port }), "q");
}

describe("network-ingress", () => {
  it.each([
    {
      case: "rule from the app's security group",
      rules: [tcpRule(6379, fromGroup("sg-app"))],
      port: 6379,
      expected: [["pass", "Port 6379 open to sg-app (app)"]],
      verdict: "ready",
    },
    {
      case: "rule from a CIDR",
      rules: [tcpRule(6379, fromCidr("10.0.0.0/16"))],
      port: 6379,
      expected: [["pass", "Port 6379 open to 10.0.0.0/16"]],
      verdict: "ready",
    },
    {
      case: "port range covering the port",
      rules: [tcpRule(6000, fromCidr("10.0.0.0/16"), 7000)],
      port: 6380,
      expected: [["pass", "Port 6380 open to 10.0.0.0/16"]],
      verdict: "ready",
    },
    {
      case: "all-traffic rule (-1)",
      rules: [allTrafficRule(fromGroup("sg-x"))],
      port: 6379,
      expected: [["pass", "Port 6379 open to sg-x (cache-x)"]],
      verdict: "ready",
    },
    {
      case: "0.0.0.0/0",
      rules: [tcpRule(6379, fromCidr("0.0.0.0/0"))],
      port: 6379,
      expected: [
        ["warn", "Port 6379 open to 0.0.0.0/0"],
        ["pass", "Port 6379 open to 0.0.0.0/0"],
      ],
      verdict: "ready",
    },
    {
      case: "::/0",
      rules: [tcpRule(6379, fromCidr6("::/0"))],
      port: 6379,
      expected: [
        ["warn", "Port 6379 open to ::/0"],
        ["pass", "Port 6379 open to ::/0"],
      ],
      verdict: "ready",
    },
    {
      case: "0.0.0.0/1 + 128.0.0.0/1 (the whole internet without a /0)",
      rules: [tcpRule(6379, fromCidr("0.0.0.0/1")), tcpRule(6379, fromCidr("128.0.0.0/1"))],
      port: 6379,
      expected: [
        ["warn", "Port 6379 open to 0.0.0.0/1 and 128.0.0.0/1"],
        ["pass", "Port 6379 open to 0.0.0.0/1, 128.0.0.0/1"],
      ],
      verdict: "ready",
    },
    {
      case: "::/1 (every global IPv6 address)",
      rules: [tcpRule(6379, fromCidr6("::/1"))],
      port: 6379,
      expected: [
        ["warn", "Port 6379 open to ::/1"],
        ["pass", "Port 6379 open to ::/1"],
      ],
      verdict: "ready",
    },
    {
      case: "::ffff:0.0.0.0/96 (all of IPv4, IPv4-mapped)",
      rules: [tcpRule(6379, fromCidr6("::ffff:0.0.0.0/96"))],
      port: 6379,
      expected: [
        ["warn", "Port 6379 open to ::ffff:0.0.0.0/96"],
        ["pass", "Port 6379 open to ::ffff:0.0.0.0/96"],
      ],
      verdict: "ready",
    },
    {
      case: "0.0.0.0/1 alone (half the internet)",
      rules: [tcpRule(6379, fromCidr("0.0.0.0/1"))],
      port: 6379,
      expected: [
        ["warn", "Port 6379 open to 0.0.0.0/1 (57% of public IPv4 addresses)"],
        ["pass", "Port 6379 open to 0.0.0.0/1"],
      ],
      verdict: "ready",
    },
    {
      case: "private ranges only",
      rules: [tcpRule(6379, fromCidr("10.0.0.0/8")), tcpRule(6379, fromCidr("192.168.0.0/16"))],
      port: 6379,
      expected: [["pass", "Port 6379 open to 10.0.0.0/8, 192.168.0.0/16"]],
      verdict: "ready",
    },
    {
      case: "the open halves on another port",
      rules: [
        tcpRule(22, fromCidr("0.0.0.0/1")),
        tcpRule(22, fromCidr("128.0.0.0/1")),
        tcpRule(6379, fromGroup("sg-app")),
      ],
      port: 6379,
      expected: [["pass", "Port 6379 open to sg-app (app)"]],
      verdict: "ready",
    },
    {
      case: "rule on the wrong port",
      rules: [tcpRule(6379, fromGroup("sg-app"))],
      port: 6380,
      expected: [["fail", "No inbound rule on port 6380"]],
      verdict: "needs-changes",
    },
    {
      case: "udp on the port",
      rules: [{ protocol: "udp", fromPort: 6379, toPort: 6379, source: fromCidr("10.0.0.0/16") }],
      port: 6379,
      expected: [["fail", "No inbound rule on port 6379"]],
      verdict: "needs-changes",
    },
    {
      case: "no rules at all",
      rules: [],
      port: 6379,
      expected: [["fail", "No inbound rule on port 6379"]],
      verdict: "needs-changes",
    },
  ])("$case", ({ rules, port, expected, verdict }) => {
    const a = withRules(rules, port);
    expect(findings(a, "network-ingress").map((f) => [f.severity, f.title])).toEqual(expected);
    expect(a.verdict).toBe(verdict);
  });

  it("names what exists and how to add the rule when the port is closed", () => {
    const f = findings(withRules([tcpRule(22, fromCidr("10.0.0.0/16"))], 6380), "network-ingress")[0]!;
    expect(f.evidence).toEqual([
      {
        observed: "sg-x (cache-x): tcp 22 from 10.0.0.0/16",
        expected: "tcp 6380",
        source: "DescribeSecurityGroups sg-x (us-east-1)",
      },
    ]);
    expect(f.remediation?.cli).toEqual([
      "aws ec2 authorize-security-group-ingress --region us-east-1 --group-id sg-x --ip-permissions 'IpProtocol=tcp,FromPort=6380,ToPort=6380,UserIdGroupPairs=[{GroupId=<app-security-group-id>}]'",
      "# or from the whole VPC: aws ec2 authorize-security-group-ingress --region us-east-1 --group-id sg-x --ip-permissions 'IpProtocol=tcp,FromPort=6380,ToPort=6380,IpRanges=[{CidrIp=10.0.0.0/16}]'",
    ]);
    expect(f.remediation?.wizardHref).toBe(
      "/wizard/target?account=123456789012&region=us-east-1&kind=replication-group&id=q",
    );
  });

  it("offers to replace an open rule", () => {
    const f = findings(withRules([tcpRule(6379, fromCidr("0.0.0.0/0"))]), "network-ingress")[0]!;
    expect(f.remediation?.cli[1]).toBe(
      "aws ec2 revoke-security-group-ingress --region us-east-1 --group-id sg-x --ip-permissions 'IpProtocol=tcp,FromPort=6379,ToPort=6379,IpRanges=[{CidrIp=0.0.0.0/0}]'",
    );
  });

  it("finds the rule in any of several attached groups", () => {
    const b = healthyAccount().securityGroup(makeSecurityGroup("sg-x", "x", VPC));
    const a = audit(b.replicationGroup({ id: "q", ...READY, securityGroupIds: ["sg-x", "sg-cache"] }), "q");
    expect(findings(a, "network-ingress").map((f) => f.severity)).toEqual(["pass"]);
  });

  it("is unknown naming ec2:DescribeSecurityGroups when that read is denied", () => {
    const b = healthyAccount()
      .replicationGroup({ id: "q", ...READY })
      .failRead("securityGroups", accessDenied("DescribeSecurityGroups", "ec2"));
    const a = audit(b, "q");
    const [f] = findings(a, "network-ingress");
    expect([a.verdict, f?.severity, f?.problem?.iamAction, f?.evidence[0]?.source]).toEqual([
      "unknown",
      "unknown",
      "ec2:DescribeSecurityGroups",
      "DescribeSecurityGroups sg-cache (us-east-1)",
    ]);
  });

  it("is unknown when an attached group is missing from the answer and no other group allows the port", () => {
    const a = audit(
      healthyAccount().replicationGroup({ id: "q", ...READY, securityGroupIds: ["sg-gone"] }),
      "q",
    );
    expect(findings(a, "network-ingress").map((f) => [f.severity, f.evidence[0]?.observed])).toEqual([
      ["unknown", "sg-gone: not returned by DescribeSecurityGroups"],
    ]);
  });

  it("fails when no security group is attached", () => {
    const a = audit(healthyAccount().replicationGroup({ id: "q", ...READY, securityGroupIds: [] }), "q");
    expect(findings(a, "network-ingress").map((f) => f.title)).toEqual(["No VPC security group attached"]);
  });

  it("adds up the rules of every attached group: two halves in two groups are the whole internet", () => {
    const b = healthyAccount()
      .securityGroup(makeSecurityGroup("sg-x", "x", VPC, [tcpRule(6379, fromCidr("0.0.0.0/1"))]))
      .securityGroup(makeSecurityGroup("sg-y", "y", VPC, [tcpRule(6000, fromCidr("128.0.0.0/1"), 7000)]));
    const a = audit(b.replicationGroup({ id: "q", ...READY, securityGroupIds: ["sg-x", "sg-y"] }), "q");
    const [warn] = findings(a, "network-ingress");
    expect([warn?.severity, warn?.title]).toEqual(["warn", "Port 6379 open to 0.0.0.0/1 and 128.0.0.0/1"]);
    expect(warn?.detail).toContain("every public IPv4 address");
    expect(warn?.remediation?.cli.slice(1)).toEqual([
      "aws ec2 revoke-security-group-ingress --region us-east-1 --group-id sg-x --ip-permissions 'IpProtocol=tcp,FromPort=6379,ToPort=6379,IpRanges=[{CidrIp=0.0.0.0/1}]'",
      "aws ec2 revoke-security-group-ingress --region us-east-1 --group-id sg-y --ip-permissions 'IpProtocol=tcp,FromPort=6000,ToPort=7000,IpRanges=[{CidrIp=128.0.0.0/1}]'",
    ]);
  });
});
