import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox/index";
import { blocks, call, errorCode, text, texts } from "@/tools/sandbox/testing/wire-client";

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => {
  sb.control.reset("default");
  sb.control.clearFaults();
});
const ec2 = (action: string, params: Record<string, string | number | boolean> = {}) =>
  call(sb.url, "ec2", action, params);
const ingress = (group: string, cidr: string, extra: Record<string, string | boolean> = {}) =>
  ec2("AuthorizeSecurityGroupIngress", {
    GroupId: group,
    "IpPermissions.1.IpProtocol": "tcp",
    "IpPermissions.1.FromPort": 6379,
    "IpPermissions.1.ToPort": 6379,
    "IpPermissions.1.IpRanges.1.CidrIp": cidr,
    ...extra,
  });

describe("EC2 reads", () => {
  it("describes VPCs and subnets with lowerCamel members and <item> entries", async () => {
    const vpcs = await ec2("DescribeVpcs", { "Filter.1.Name": "tag:Name", "Filter.1.Value.1": "prod" });
    expect(vpcs.xml).toContain(
      '<DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>',
    );
    expect(vpcs.xml).toContain("<vpcSet><item><vpcId>vpc-0prod00000000001</vpcId>");
    expect(texts(vpcs.xml, "vpcId")).toEqual(["vpc-0prod00000000001"]);
    const subnets = await ec2("DescribeSubnets", {
      "Filter.1.Name": "vpc-id",
      "Filter.1.Value.1": "vpc-0prod00000000001",
    });
    expect(texts(subnets.xml, "cidrBlock")).toEqual(["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]);
    const missing = await ec2("DescribeVpcs", { "VpcId.1": "vpc-0nope" });
    expect([missing.status, errorCode(missing.xml)]).toEqual([400, "InvalidVpcID.NotFound"]);
  });

  it("regroups rules into ipPermissions with groups / ipRanges", async () => {
    const { xml } = await ec2("DescribeSecurityGroups", { "GroupId.1": "sg-0cache00000000001" });
    const perms = blocks(xml, "ipPermissions")[0]!;
    expect(perms).toContain("<ipProtocol>tcp</ipProtocol><fromPort>6379</fromPort><toPort>6379</toPort>");
    expect(perms).toContain(
      "<groups><item><description>orders-api to redis</description><userId>123456789012</userId><groupId>sg-0app000000000001</groupId>",
    );
    expect(perms).toContain("<ipRanges></ipRanges>");
    const byFilter = await ec2("DescribeSecurityGroups", {
      "Filter.1.Name": "vpc-id",
      "Filter.1.Value.1": "vpc-0stag00000000002",
      "Filter.2.Name": "group-name",
      "Filter.2.Value.1": "cache-*",
    });
    expect(texts(byFilter.xml, "groupName")).toEqual(["cache-staging"]);
    const missing = await ec2("DescribeSecurityGroups", { "GroupId.1": "sg-0nope" });
    expect(errorCode(missing.xml)).toBe("InvalidGroup.NotFound");
  });

  it("lists rules by group with DescribeSecurityGroupRules", async () => {
    const { xml } = await ec2("DescribeSecurityGroupRules", {
      "Filter.1.Name": "group-id",
      "Filter.1.Value.1": "sg-0cache00000000003",
    });
    const rules = blocks(xml, "item").filter((r) => r.includes("<isEgress>false</isEgress>"));
    expect(
      rules.map((r) => `${text(r, "ipProtocol")} ${text(r, "fromPort")} ${text(r, "cidrIpv4")}`),
    ).toEqual(["tcp 22 10.0.0.0/16"]);
    const bad = await ec2("DescribeSecurityGroupRules", { MaxResults: 2 });
    expect(errorCode(bad.xml)).toBe("InvalidParameterValue");
  });
});

describe("EC2 writes", () => {
  it("canonicalises CIDRs and refuses a duplicate rule", async () => {
    const first = await ingress("sg-0cache00000000003", "10.0.5.7/16", {
      "IpPermissions.1.IpRanges.1.Description": "vpc to redis",
    });
    expect(first.status).toBe(200);
    expect(text(first.xml, "return")).toBe("true");
    expect(text(first.xml, "cidrIpv4")).toBe("10.0.0.0/16");
    expect(text(first.xml, "securityGroupRuleId")).toMatch(/^sgr-0[0-9a-f]{16}$/);
    const dup = await ingress("sg-0cache00000000003", "10.0.0.0/16");
    expect([dup.status, errorCode(dup.xml)]).toEqual([400, "InvalidPermission.Duplicate"]);
    const invalid = await ingress("sg-0cache00000000003", "10.0.0.0/33");
    expect(errorCode(invalid.xml)).toBe("InvalidParameterValue");
  });

  it("authorizes from a security group and refuses one of another VPC", async () => {
    const ok = await ec2("AuthorizeSecurityGroupIngress", {
      GroupId: "sg-0cache00000000003",
      "IpPermissions.1.IpProtocol": "tcp",
      "IpPermissions.1.FromPort": 6379,
      "IpPermissions.1.ToPort": 6379,
      "IpPermissions.1.Groups.1.GroupId": "sg-0app000000000001",
      "IpPermissions.1.Groups.1.Description": "app",
    });
    expect(ok.xml).toContain("<referencedGroupInfo><groupId>sg-0app000000000001</groupId>");
    const foreign = await ec2("AuthorizeSecurityGroupIngress", {
      GroupId: "sg-0cache00000000003",
      "IpPermissions.1.IpProtocol": "tcp",
      "IpPermissions.1.FromPort": 6379,
      "IpPermissions.1.ToPort": 6379,
      "IpPermissions.1.Groups.1.GroupId": "sg-0stagapp00000001",
    });
    expect(errorCode(foreign.xml)).toBe("InvalidGroup.NotFound");
  });

  it("creates a group once per VPC, tags it and its rules, and revokes a rule by id", async () => {
    const created = await ec2("CreateSecurityGroup", {
      GroupName: "bullmq-app",
      GroupDescription: "queue workers",
      VpcId: "vpc-0prod00000000001",
      "TagSpecification.1.ResourceType": "security-group",
      "TagSpecification.1.Tag.1.Key": "owner",
      "TagSpecification.1.Tag.1.Value": "qr",
    });
    const id = text(created.xml, "groupId")!;
    expect(id).toMatch(/^sg-0[0-9a-f]{16}$/);
    expect(created.xml).toContain("<tagSet><item><key>owner</key><value>qr</value></item></tagSet>");
    const dup = await ec2("CreateSecurityGroup", {
      GroupName: "bullmq-app",
      GroupDescription: "x",
      VpcId: "vpc-0prod00000000001",
    });
    expect(errorCode(dup.xml)).toBe("InvalidGroup.Duplicate");
    const noVpc = await ec2("CreateSecurityGroup", {
      GroupName: "y",
      GroupDescription: "x",
      VpcId: "vpc-0nope",
    });
    expect(errorCode(noVpc.xml)).toBe("InvalidVpcID.NotFound");
    const rule = text((await ingress(id, "10.0.0.0/16")).xml, "securityGroupRuleId")!;
    const tagged = await ec2("CreateTags", {
      "ResourceId.1": rule,
      "Tag.1.Key": "created-by",
      "Tag.1.Value": "queueready",
    });
    expect(tagged.status).toBe(200);
    const rules = await ec2("DescribeSecurityGroupRules", { "SecurityGroupRuleId.1": rule });
    expect(rules.xml).toContain(
      "<tagSet><item><key>created-by</key><value>queueready</value></item></tagSet>",
    );
    const unknownRule = await ec2("CreateTags", {
      "ResourceId.1": "sgr-0nope",
      "Tag.1.Key": "a",
      "Tag.1.Value": "b",
    });
    expect(errorCode(unknownRule.xml)).toBe("InvalidSecurityGroupRuleId.NotFound");
    const revoked = await ec2("RevokeSecurityGroupIngress", { GroupId: id, "SecurityGroupRuleId.1": rule });
    expect(text(revoked.xml, "securityGroupRuleId")).toBe(rule);
    const again = await ec2("RevokeSecurityGroupIngress", { GroupId: id, "SecurityGroupRuleId.1": rule });
    expect(errorCode(again.xml)).toBe("InvalidSecurityGroupRuleId.NotFound");
  });

  it("tags the rules it adds from TagSpecifications, in the same call, and refuses another resource type", async () => {
    const spec = {
      "TagSpecification.1.ResourceType": "security-group-rule",
      "TagSpecification.1.Tag.1.Key": "queueready:run",
      "TagSpecification.1.Tag.1.Value": "run-1",
    };
    const added = await ingress("sg-0cache00000000003", "10.9.0.0/16", spec);
    expect(added.status).toBe(200);
    expect(added.xml).toContain(
      "<tagSet><item><key>queueready:run</key><value>run-1</value></item></tagSet>",
    );
    const id = text(added.xml, "securityGroupRuleId")!;
    const described = await ec2("DescribeSecurityGroupRules", { "SecurityGroupRuleId.1": id });
    expect(described.xml).toContain("<key>queueready:run</key><value>run-1</value>");
    const wrongType = await ingress("sg-0cache00000000003", "10.8.0.0/16", {
      ...spec,
      "TagSpecification.1.ResourceType": "security-group",
    });
    expect([wrongType.status, errorCode(wrongType.xml)]).toEqual([400, "InvalidParameterValue"]);
    const rules = await ec2("DescribeSecurityGroupRules", {
      "Filter.1.Name": "group-id",
      "Filter.1.Value.1": "sg-0cache00000000003",
    });
    expect(rules.xml).not.toContain("10.8.0.0/16");
  });

  it("answers DryRunOperation (412) without writing, and UnauthorizedOperation (403) under a denial fault", async () => {
    const dry = await ingress("sg-0cache00000000003", "10.0.0.0/16", { DryRun: true });
    expect([dry.status, errorCode(dry.xml)]).toEqual([412, "DryRunOperation"]);
    const rules = await ec2("DescribeSecurityGroupRules", {
      "Filter.1.Name": "group-id",
      "Filter.1.Value.1": "sg-0cache00000000003",
    });
    expect(texts(rules.xml, "fromPort")).toEqual(["22", "-1"]);
    sb.control.addFault({ operation: "AuthorizeSecurityGroupIngress", kind: "access-denied" });
    const denied = await ingress("sg-0cache00000000003", "10.0.0.0/16", { DryRun: true });
    expect([denied.status, errorCode(denied.xml)]).toEqual([403, "UnauthorizedOperation"]);
  });
});
