import { describe, expect, it } from "vitest";
import { SandboxError } from "@/tools/sandbox/errors";
import { bool, int, listAt, parseForm, stringList, structList } from "./query-form";

describe("parseForm", () => {
  it("nests dotted keys and reads EC2-style lists in index order", () => {
    const form = parseForm(
      "Action=DescribeVpcs&Filter.2.Name=b&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1&Filter.1.Value.2=vpc-2",
    );
    const filters = structList(form, "Filter");
    expect(filters.map((f) => f.Name)).toEqual(["vpc-id", "b"]);
    expect(stringList(filters[0], "Value")).toEqual(["vpc-1", "vpc-2"]);
  });

  it("reads awsQuery lists spelled with the member name or `member`", () => {
    const a = parseForm("SecurityGroupIds.SecurityGroupId.1=sg-1&SecurityGroupIds.SecurityGroupId.2=sg-2");
    const b = parseForm("SecurityGroupIds.member.1=sg-1&SecurityGroupIds.member.2=sg-2");
    expect(stringList(a, "SecurityGroupIds")).toEqual(["sg-1", "sg-2"]);
    expect(stringList(b, "SecurityGroupIds")).toEqual(["sg-1", "sg-2"]);
  });

  it("reads nested structures of lists (IpPermissions.N.IpRanges.M.CidrIp)", () => {
    const form = parseForm(
      "IpPermissions.1.IpProtocol=tcp&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0%2F16&IpPermissions.1.IpRanges.1.Description=a%20b",
    );
    const perm = structList(form, "IpPermissions")[0]!;
    expect(perm.IpProtocol).toBe("tcp");
    expect(structList(perm, "IpRanges")).toEqual([{ CidrIp: "10.0.0.0/16", Description: "a b" }]);
  });

  it("sorts indexes numerically (10 after 9)", () => {
    const pairs = Array.from({ length: 11 }, (_, i) => `GroupId.${i + 1}=g${i + 1}`)
      .reverse()
      .join("&");
    expect(stringList(parseForm(pairs), "GroupId")).toEqual(
      Array.from({ length: 11 }, (_, i) => `g${i + 1}`),
    );
  });

  it("rejects empty key segments and scalar/structure clashes", () => {
    expect(() => parseForm("Filter..Name=x")).toThrow(SandboxError);
    expect(() => parseForm("A=1&A.B=2")).toThrow(/conflicts/);
    expect(() => parseForm("A.B=2&A=1")).toThrow(/conflicts/);
  });

  it("types scalars and refuses malformed ones with InvalidParameterValue", () => {
    const form = parseForm("MaxRecords=20&ShowCacheNodeInfo=true&Bad=yes&Num=x1");
    expect(int(form, "MaxRecords")).toBe(20);
    expect(bool(form, "ShowCacheNodeInfo")).toBe(true);
    expect(() => bool(form, "Bad")).toThrow(expect.objectContaining({ code: "InvalidParameterValue" }));
    expect(() => int(form, "Num")).toThrow(expect.objectContaining({ code: "InvalidParameterValue" }));
    expect(listAt(form, "Missing")).toEqual([]);
  });
});
