import { describe, expect, it } from "vitest";
import { parameterGroupName, securityGroupName } from "./names";

const reason = (r: { name: string } | { error: Error }) => ("error" in r ? r.error.message : r.name);

describe("the sandbox's own name rules", () => {
  it("parameter group names: letter first, letters/digits/hyphens, no --, no trailing -, stored lowercase", () => {
    expect(reason(parameterGroupName("BullMQ-Valkey8"))).toBe("bullmq-valkey8");
    expect(reason(parameterGroupName("8bull"))).toMatch(/start with a letter/);
    expect(reason(parameterGroupName("a--b"))).toMatch(/two consecutive hyphens/);
    expect(reason(parameterGroupName("ab-"))).toMatch(/end with a hyphen/);
    expect(reason(parameterGroupName("a_b"))).toMatch(/letters, digits and hyphens/);
    expect(reason(parameterGroupName(""))).toMatch(/1 to 255/);
    expect(reason(parameterGroupName("a".repeat(256)))).toMatch(/1 to 255/);
  });

  it("security group names: the VPC character set, never sg-*", () => {
    expect(reason(securityGroupName("queueready cache {bull}"))).toBe("queueready cache {bull}");
    expect(reason(securityGroupName("SG-cache"))).toMatch(/cannot start with "sg-"/);
    expect(reason(securityGroupName("café"))).toMatch(/only/);
    expect(reason(securityGroupName("a".repeat(256)))).toMatch(/1 to 255/);
  });
});
