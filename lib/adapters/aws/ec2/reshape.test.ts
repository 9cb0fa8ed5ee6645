import { describe, expect, it } from "vitest";
import {
  flattenIpPermission,
  reshapeSecurityGroup,
  reshapeSecurityGroupRule,
  reshapeSubnet,
  reshapeVpc,
} from "./reshape";

describe("reshapeSecurityGroup", () => {
  it("flattens IpPermissions into one rule per source, in AWS's order", () => {
    const group = reshapeSecurityGroup({
      GroupId: "sg-0cache00000000001",
      GroupName: "cache-prod",
      Description: "cache",
      VpcId: "vpc-0prod00000000001",
      OwnerId: "123456789012",
      Tags: [{ Key: "Name", Value: "cache-prod" }],
      IpPermissions: [
        {
          IpProtocol: "tcp",
          FromPort: 6379,
          ToPort: 6379,
          IpRanges: [{ CidrIp: "10.0.0.0/16", Description: "vpc" }],
          Ipv6Ranges: [{ CidrIpv6: "2600:1f18::/56" }],
          UserIdGroupPairs: [{ GroupId: "sg-0app000000000001", UserId: "123456789012" }],
          PrefixListIds: [{ PrefixListId: "pl-123" }],
        },
        { IpProtocol: "-1", FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: "10.9.0.0/16" }] },
      ],
    });
    expect(group).toEqual({
      id: "sg-0cache00000000001",
      name: "cache-prod",
      description: "cache",
      vpcId: "vpc-0prod00000000001",
      ownerId: "123456789012",
      tags: { Name: "cache-prod" },
      ingress: [
        {
          protocol: "tcp",
          fromPort: 6379,
          toPort: 6379,
          source: { kind: "cidr", cidr: "10.0.0.0/16" },
          description: "vpc",
        },
        { protocol: "tcp", fromPort: 6379, toPort: 6379, source: { kind: "cidr6", cidr: "2600:1f18::/56" } },
        {
          protocol: "tcp",
          fromPort: 6379,
          toPort: 6379,
          source: { kind: "security-group", groupId: "sg-0app000000000001", ownerId: "123456789012" },
        },
        {
          protocol: "tcp",
          fromPort: 6379,
          toPort: 6379,
          source: { kind: "prefix-list", prefixListId: "pl-123" },
        },
        { protocol: "-1", source: { kind: "cidr", cidr: "10.9.0.0/16" } },
      ],
    });
  });

  it("names numeric protocols and yields nothing for a permission without sources", () => {
    expect(
      flattenIpPermission({ IpProtocol: "6", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }),
    ).toEqual([{ protocol: "tcp", fromPort: 22, toPort: 22, source: { kind: "cidr", cidr: "0.0.0.0/0" } }]);
    expect(flattenIpPermission({ IpProtocol: "tcp", FromPort: 1, ToPort: 2 })).toEqual([]);
  });
});

describe("reshapeSecurityGroupRule", () => {
  it("keeps the rule id and group id, and reads the referenced group", () => {
    expect(
      reshapeSecurityGroupRule({
        SecurityGroupRuleId: "sgr-1",
        GroupId: "sg-0cache00000000001",
        IsEgress: false,
        IpProtocol: "tcp",
        FromPort: 6379,
        ToPort: 6379,
        ReferencedGroupInfo: { GroupId: "sg-0app000000000001", UserId: "123456789012" },
        Description: "app",
      }),
    ).toEqual({
      groupId: "sg-0cache00000000001",
      ruleId: "sgr-1",
      protocol: "tcp",
      fromPort: 6379,
      toPort: 6379,
      source: { kind: "security-group", groupId: "sg-0app000000000001", ownerId: "123456789012" },
      description: "app",
    });
    expect(
      reshapeSecurityGroupRule({
        SecurityGroupRuleId: "sgr-2",
        GroupId: "sg-1",
        IpProtocol: "-1",
        FromPort: -1,
        ToPort: -1,
        CidrIpv4: "0.0.0.0/0",
      }),
    ).toEqual({
      groupId: "sg-1",
      ruleId: "sgr-2",
      protocol: "-1",
      source: { kind: "cidr", cidr: "0.0.0.0/0" },
    });
    expect(
      reshapeSecurityGroupRule({ SecurityGroupRuleId: "sgr-3", GroupId: "sg-1", IpProtocol: "tcp" }),
    ).toBeUndefined();
  });
});

describe("reshapeVpc and reshapeSubnet", () => {
  it("lists the primary CIDR first, only associated blocks, and the Name tag", () => {
    expect(
      reshapeVpc({
        VpcId: "vpc-0prod00000000001",
        CidrBlock: "10.0.0.0/16",
        IsDefault: false,
        Tags: [{ Key: "Name", Value: "prod" }],
        CidrBlockAssociationSet: [
          { CidrBlock: "10.0.0.0/16", CidrBlockState: { State: "associated" } },
          { CidrBlock: "10.5.0.0/16", CidrBlockState: { State: "associated" } },
          { CidrBlock: "10.6.0.0/16", CidrBlockState: { State: "disassociated" } },
        ],
        Ipv6CidrBlockAssociationSet: [
          { Ipv6CidrBlock: "2600:1f18::/56", Ipv6CidrBlockState: { State: "associated" } },
        ],
      }),
    ).toEqual({
      id: "vpc-0prod00000000001",
      cidrBlocks: ["10.0.0.0/16", "10.5.0.0/16"],
      ipv6CidrBlocks: ["2600:1f18::/56"],
      isDefault: false,
      name: "prod",
    });
    expect(
      reshapeSubnet({
        SubnetId: "subnet-1",
        VpcId: "vpc-1",
        CidrBlock: "10.0.1.0/24",
        AvailabilityZone: "us-east-1a",
      }),
    ).toEqual({ id: "subnet-1", vpcId: "vpc-1", cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" });
  });
});
