import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox/index";
import { call, errorCode, text, texts, type SessionKeys } from "@/tools/sandbox/testing/wire-client";

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, applyDelayMs: 50 });
});
afterAll(async () => {
  await sb.close();
});

/** The Message of an error envelope, unescaped. */
const message = (xml: string) =>
  text(xml, "Message")!
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"');

const arn = (account: string, role = "OrganizationAccountAccessRole") =>
  `arn:aws:iam::${account}:role/${role}`;

async function assume(params: Record<string, string | number>, session?: SessionKeys) {
  return call(sb.url, "sts", "AssumeRole", { RoleSessionName: "qr-test", ...params }, "us-east-1", session);
}

async function keys(params: Record<string, string | number>, session?: SessionKeys): Promise<SessionKeys> {
  const answer = await assume(params, session);
  expect(answer.status).toBe(200);
  return { accessKeyId: text(answer.xml, "AccessKeyId")!, sessionToken: text(answer.xml, "SessionToken")! };
}

describe("STS AssumeRole", () => {
  it("returns credentials bound to the member account: its identity and its clusters", async () => {
    const answer = await assume({ RoleArn: arn("210987654321"), DurationSeconds: 900 });
    expect(answer.status).toBe(200);
    expect(text(answer.xml, "AccessKeyId")).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(text(answer.xml, "SecretAccessKey")).toHaveLength(40);
    expect(text(answer.xml, "Arn")).toBe(
      "arn:aws:sts::210987654321:assumed-role/OrganizationAccountAccessRole/qr-test",
    );
    expect(text(answer.xml, "AssumedRoleId")).toMatch(/^AROA[A-Z0-9]{17}:qr-test$/);
    const expiresIn = Date.parse(text(answer.xml, "Expiration")!) - Date.now();
    expect(expiresIn).toBeGreaterThan(890_000);
    expect(expiresIn).toBeLessThanOrEqual(900_000);

    const session = {
      accessKeyId: text(answer.xml, "AccessKeyId")!,
      sessionToken: text(answer.xml, "SessionToken")!,
    };
    const who = await call(sb.url, "sts", "GetCallerIdentity", {}, "eu-west-1", session);
    expect(text(who.xml, "Account")).toBe("210987654321");
    const rgs = await call(sb.url, "elasticache", "DescribeReplicationGroups", {}, "us-east-1", session);
    expect(texts(rgs.xml, "ReplicationGroupId")).toEqual(["stg-orders", "stg-jobs-valkey8"]);
    expect(texts(rgs.xml, "ARN")[0]).toBe(
      "arn:aws:elasticache:us-east-1:210987654321:replicationgroup:stg-orders",
    );
    const sgs = await call(sb.url, "ec2", "DescribeSecurityGroups", {}, "us-east-1", session);
    expect(texts(sgs.xml, "ownerId").every((o) => o === "210987654321")).toBe(true);
    const mine = await call(sb.url, "elasticache", "DescribeReplicationGroups");
    expect(texts(mine.xml, "ReplicationGroupId")).toContain("orders-redis7");
  });

  it("refuses with AccessDenied (403) in STS's envelope: no such role, a role that trusts nobody, a wrong or missing ExternalId", async () => {
    const cases: Array<Record<string, string>> = [
      { RoleArn: arn("210987654321", "NoSuchRole") },
      { RoleArn: arn("999999999999") },
      { RoleArn: arn("456789012345") },
      { RoleArn: arn("345678901234") },
      { RoleArn: arn("345678901234"), ExternalId: "wrong-id" },
      { RoleArn: arn("567890123456") },
    ];
    for (const c of cases) {
      const answer = await assume(c);
      expect([answer.status, errorCode(answer.xml)]).toEqual([403, "AccessDenied"]);
      expect(answer.xml).toContain(
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>',
      );
      expect(text(answer.xml, "Message")).toBe(
        `User: arn:aws:iam::123456789012:user/sandbox is not authorized to perform: sts:AssumeRole on resource: ${c.RoleArn}`,
      );
    }
    const ok = await assume({ RoleArn: arn("345678901234"), ExternalId: "queueready-sandbox" });
    expect(ok.status).toBe(200);
  });

  it("validates RoleSessionName, DurationSeconds, ExternalId and the ARN as STS does (ValidationError, 400)", async () => {
    const cases: Array<[Record<string, string | number>, RegExp]> = [
      [
        { RoleSessionName: "x" },
        /at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2/,
      ],
      [{ RoleSessionName: "a".repeat(65) }, /length less than or equal to 64/],
      [{ RoleSessionName: "has space" }, /regular expression pattern: \[\\w\+=,\.@-\]\*/],
      [{ DurationSeconds: 899 }, /Value '899' at 'durationSeconds' .*greater than or equal to 900/],
      [{ DurationSeconds: 43201 }, /less than or equal to 43200/],
      [{ DurationSeconds: 7200 }, /exceeds the MaxSessionDuration set for this role/],
      [{ ExternalId: "a b" }, /at 'externalId'/],
      [{ RoleArn: "arn:aws:iam::12345:role/short" }, /is invalid/],
    ];
    for (const [params, pattern] of cases) {
      const answer = await assume({ RoleArn: arn("210987654321"), ...params });
      expect([answer.status, errorCode(answer.xml)]).toEqual([400, "ValidationError"]);
      expect(message(answer.xml)).toMatch(pattern);
    }
    const missing = await call(sb.url, "sts", "AssumeRole", { RoleArn: arn("210987654321") });
    expect(message(missing.xml)).toBe(
      "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
    );
  });

  it("a read-only role may describe but every write is refused, EC2's DryRun included", async () => {
    const session = await keys({
      RoleArn: arn("210987654321", "QueueReadyAudit"),
      ExternalId: "queueready-sandbox",
    });
    const read = await call(sb.url, "elasticache", "DescribeCacheClusters", {}, "us-east-1", session);
    expect(read.status).toBe(200);
    const write = await call(
      sb.url,
      "elasticache",
      "CreateCacheParameterGroup",
      {
        CacheParameterGroupName: "nope",
        CacheParameterGroupFamily: "redis7",
        Description: "x",
      },
      "us-east-1",
      session,
    );
    expect([write.status, errorCode(write.xml)]).toEqual([403, "AccessDenied"]);
    expect(text(write.xml, "Message")).toContain(
      "assumed-role/QueueReadyAudit/qr-test is not authorized to perform: elasticache:CreateCacheParameterGroup",
    );
    const dry = await call(
      sb.url,
      "ec2",
      "AuthorizeSecurityGroupIngress",
      { GroupId: "sg-02109cache000001", DryRun: true },
      "us-east-1",
      session,
    );
    expect([dry.status, errorCode(dry.xml)]).toEqual([403, "UnauthorizedOperation"]);
  });

  it("judges a chained AssumeRole by the session's account, and rejects tokens it did not issue or that expired", async () => {
    const first = await keys({ RoleArn: arn("210987654321") });
    // The payments role trusts the management account, not staging's assumed role.
    const chained = await assume({ RoleArn: arn("345678901234"), ExternalId: "queueready-sandbox" }, first);
    expect([chained.status, message(chained.xml)]).toEqual([
      403,
      "User: arn:aws:sts::210987654321:assumed-role/OrganizationAccountAccessRole/qr-test is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::345678901234:role/OrganizationAccountAccessRole",
    ]);
    const forged = await call(sb.url, "sts", "GetCallerIdentity", {}, "us-east-1", {
      accessKeyId: "ASIAOTHERKEY0000000",
      sessionToken: first.sessionToken,
    });
    expect([forged.status, errorCode(forged.xml)]).toEqual([403, "InvalidClientTokenId"]);
    const expiredToken = `SBXSESSION1.${Buffer.from(
      JSON.stringify({
        accessKeyId: "ASIAX",
        accountId: "210987654321",
        roleName: "OrganizationAccountAccessRole",
        sessionName: "s",
        expiresAt: Date.now() - 1,
      }),
    ).toString("base64url")}`;
    const expired = await call(sb.url, "elasticache", "DescribeCacheClusters", {}, "us-east-1", {
      accessKeyId: "ASIAX",
      sessionToken: expiredToken,
    });
    expect([expired.status, errorCode(expired.xml)]).toEqual([400, "ExpiredToken"]);
  });
});
