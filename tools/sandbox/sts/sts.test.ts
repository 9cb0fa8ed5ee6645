import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox/index";
import { call } from "@/tools/sandbox/testing/wire-client";

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => {
  sb.control.clearFaults();
  sb.control.resetCalls();
});

const body = (xml: string) => xml.replace(/<RequestId>[^<]+<\/RequestId>/, "<RequestId>R</RequestId>");

describe("STS on the wire", () => {
  it("answers GetCallerIdentity in STS's awsQuery envelope for the seeded account, in any region", async () => {
    for (const region of ["us-east-1", "ap-southeast-2"]) {
      const answer = await call(sb.url, "sts", "GetCallerIdentity", {}, region);
      expect(answer.status).toBe(200);
      expect(body(answer.xml)).toBe(
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
          '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
          "<Arn>arn:aws:iam::123456789012:user/sandbox</Arn><UserId>AIDASANDBOXUSER000001</UserId>" +
          "<Account>123456789012</Account></GetCallerIdentityResult>" +
          "<ResponseMetadata><RequestId>R</RequestId></ResponseMetadata></GetCallerIdentityResponse>",
      );
    }
    expect(sb.control.calls()).toEqual({ "sts:GetCallerIdentity": 2 });
  });

  it("answers errors in STS's error envelope: an unknown action and an injected denial", async () => {
    const unknown = await call(sb.url, "sts", "GetSessionToken");
    expect(unknown.status).toBe(400);
    expect(body(unknown.xml)).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ErrorResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code><Message>Could not find operation GetSessionToken for version 2011-06-15[^<]*<\/Message><\/Error><RequestId>R<\/RequestId><\/ErrorResponse>$/,
    );
    sb.control.addFault({ operation: "GetCallerIdentity", kind: "access-denied", count: 1 });
    const denied = await call(sb.url, "sts", "GetCallerIdentity");
    expect(denied.status).toBe(403);
    expect(denied.xml).toContain(
      "<Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/sandbox is not authorized to perform: sts:GetCallerIdentity",
    );
  });
});
