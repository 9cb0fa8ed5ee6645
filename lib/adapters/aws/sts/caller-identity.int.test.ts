import { describe, expect, it } from "vitest";
import { AwsError } from "@/lib/adapters/aws/errors";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { getCallerIdentity } from "./caller-identity";

const h = sandboxPerFile();

describe("getCallerIdentity against the sandbox", () => {
  it("names the seeded account behind the configured credentials", async () => {
    await expect(getCallerIdentity(h.settings, "us-east-1")).resolves.toEqual({
      accountId: "123456789012",
      arn: "arn:aws:iam::123456789012:user/sandbox",
      userId: "AIDASANDBOXUSER000001",
    });
    expect(h.sandbox.control.calls()["sts:GetCallerIdentity"]).toBe(1);
  });

  it("throws an AwsError with the problem when STS refuses", async () => {
    h.sandbox.control.addFault({ operation: "GetCallerIdentity", kind: "access-denied", count: 1 });
    const err = await getCallerIdentity(h.settings, "eu-west-1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsError);
    expect((err as AwsError).problem).toMatchObject({
      code: "access-denied",
      awsCode: "AccessDenied",
      operation: "GetCallerIdentity",
      iamAction: "sts:GetCallerIdentity",
      region: "eu-west-1",
    });
  });

  it("refuses a region name that is not one before calling", async () => {
    const err = await getCallerIdentity(h.settings, "nowhere").catch((e: unknown) => e);
    expect((err as AwsError).problem.code).toBe("unknown-region");
  });
});
