import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox/index";
import { call, jsonCall, text } from "@/tools/sandbox/testing/wire-client";

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => {
  sb.control.reset("default");
  sb.control.resetCalls();
});

describe("Organizations (awsJson1_1)", () => {
  it("describes the organization to the management account", async () => {
    const answer = await jsonCall(sb.url, "DescribeOrganization");
    expect([answer.status, answer.contentType]).toEqual([200, "application/x-amz-json-1.1"]);
    expect(answer.json).toEqual({
      Organization: {
        Id: "o-sandbox0001",
        Arn: "arn:aws:organizations::123456789012:organization/o-sandbox0001",
        FeatureSet: "ALL",
        MasterAccountArn: "arn:aws:organizations::123456789012:account/o-sandbox0001/123456789012",
        MasterAccountId: "123456789012",
        MasterAccountEmail: "aws+management@example.com",
        AvailablePolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
      },
    });
  });

  it("lists every account page by page with NextToken, suspended ones included", async () => {
    const ids: string[] = [];
    const statuses: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const { json } = await jsonCall(sb.url, "ListAccounts", {
        MaxResults: 2,
        ...(token ? { NextToken: token } : {}),
      });
      const accounts = json.Accounts as Array<{ Id: string; Status: string; JoinedTimestamp: number }>;
      expect(accounts.length).toBeLessThanOrEqual(2);
      ids.push(...accounts.map((a) => a.Id));
      statuses.push(...accounts.map((a) => a.Status));
      expect(typeof accounts[0]!.JoinedTimestamp).toBe("number");
      token = json.NextToken as string | undefined;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(ids).toEqual(["123456789012", "210987654321", "345678901234", "456789012345", "567890123456"]);
    expect(statuses).toEqual(["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "SUSPENDED"]);
    expect(sb.control.calls()).toEqual({ "organizations:ListAccounts": 3 });
  });

  it("checks MaxResults (1..20) and NextToken with InvalidInputException and a Reason", async () => {
    for (const [body, reason] of [
      [{ MaxResults: 0 }, "MIN_VALUE_EXCEEDED"],
      [{ MaxResults: 21 }, "MAX_VALUE_EXCEEDED"],
      [{ NextToken: "garbage" }, "INVALID_NEXT_TOKEN"],
    ] as const) {
      const answer = await jsonCall(sb.url, "ListAccounts", body);
      expect(answer.status).toBe(400);
      expect([answer.json.__type, answer.json.Reason]).toEqual(["InvalidInputException", reason]);
    }
    const ok = await jsonCall(sb.url, "ListAccounts", { MaxResults: 20 });
    expect((ok.json.Accounts as unknown[]).length).toBe(5);
    expect(ok.json.NextToken).toBeUndefined();
  });

  it("refuses ListAccounts to a member account and answers NotInUse for a standalone one", async () => {
    const assumed = await call(sb.url, "sts", "AssumeRole", {
      RoleArn: "arn:aws:iam::210987654321:role/OrganizationAccountAccessRole",
      RoleSessionName: "member",
    });
    const session = {
      accessKeyId: text(assumed.xml, "AccessKeyId")!,
      sessionToken: text(assumed.xml, "SessionToken")!,
    };
    const denied = await jsonCall(sb.url, "ListAccounts", {}, session);
    expect([denied.status, denied.json.__type]).toEqual([400, "AccessDeniedException"]);
    const described = await jsonCall(sb.url, "DescribeOrganization", {}, session);
    expect((described.json.Organization as { MasterAccountId: string }).MasterAccountId).toBe("123456789012");

    sb.control.reset("single");
    for (const action of ["ListAccounts", "DescribeOrganization"]) {
      const answer = await jsonCall(sb.url, action);
      expect([answer.status, answer.json]).toEqual([
        400,
        {
          __type: "AWSOrganizationsNotInUseException",
          Message: "Your account is not a member of an organization.",
        },
      ]);
    }
    const unknown = await jsonCall(sb.url, "CreateAccount");
    expect([unknown.status, unknown.json.__type]).toEqual([400, "UnknownOperationException"]);
  });
});
