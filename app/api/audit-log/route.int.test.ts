/**
 * /api/audit-log as the server answers it, on a real PostgreSQL (DATABASE_URL), without a session: the
 * bearer token, bad input as 4xx, the trail as JSON lines streamed across pages, and `?after=` to resume.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as auditLog } from "@/app/api/audit-log/route";
import { GET as metrics } from "@/app/api/metrics/route";
import { defaultDatabase } from "@/lib/adapters/db";
import { appendTrail } from "@/lib/adapters/db/audit-trail";
import { auditLogAccess, auditLogTokenProblem } from "@/lib/web/approvals/audit-log-token";
import { databasesPerFile } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
const token = "c0ffee5a1d4b9e7f3a2c8d6e0b1f4a7c9e2d5b8a";
const saved = {
  url: process.env.DATABASE_URL,
  token: process.env.QUEUEREADY_AUDIT_LOG_TOKEN,
  metrics: process.env.QUEUEREADY_METRICS_TOKEN,
};
beforeAll(async () => {
  process.env.DATABASE_URL = await (await dbs.server()).createDatabase();
  process.env.QUEUEREADY_AUDIT_LOG_TOKEN = token;
  process.env.QUEUEREADY_METRICS_TOKEN = token;
}, 60_000);
afterAll(async () => {
  await (await defaultDatabase()).close();
  process.env.DATABASE_URL = saved.url;
  process.env.QUEUEREADY_AUDIT_LOG_TOKEN = saved.token;
  process.env.QUEUEREADY_METRICS_TOKEN = saved.metrics;
});
const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1${path}`, { headers });
const bearer = { authorization: `Bearer ${token}` };

describe("/api/audit-log", () => {
  it("refuses a missing or wrong token with 401 and bad parameters with 400", async () => {
    expect((await auditLog(get("/api/audit-log"))).status).toBe(401);
    expect((await auditLog(get("/api/audit-log", { authorization: "Bearer nope" }))).status).toBe(401);
    for (const q of ["?after=-1", "?after=x", "?other=1", "?after=1.5"])
      expect((await auditLog(get(`/api/audit-log${q}`, bearer))).status).toBe(400);
  });

  it("streams every event as one JSON line, oldest first, across pages, and resumes after a sequence number", async () => {
    const { db } = await defaultDatabase();
    for (let i = 0; i < 620; i++)
      await appendTrail(db, {
        event: i === 0 ? "overridden" : "applied",
        actor: `user-${i}`,
        targets: ["123456789012/us-east-1/replication-group/orders"],
        requestIds: [{ operation: "ModifyReplicationGroup", requestId: `req-${i}` }],
      });
    const res = await auditLog(get("/api/audit-log", bearer));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const lines = (await res.text())
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { seq: number; actor: string });
    expect(lines).toHaveLength(620);
    expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: 620 }, (_, i) => i + 1));
    expect(lines[3]).toMatchObject({
      event: "applied",
      actor: "user-3",
      requestIds: [{ requestId: "req-3" }],
    });
    const rest = await (await auditLog(get("/api/audit-log?after=600", bearer))).text();
    expect(rest.trimEnd().split("\n")).toHaveLength(20);

    const scraped = await (await metrics(get("/api/metrics", bearer))).text();
    expect(scraped).toMatch(/^queueready_approval_overrides_total 1$/m);
    expect(scraped).toMatch(/^queueready_audit_events_total\{event="applied"\} 619$/m);
  });
});

describe("the audit log token", () => {
  it("is refused at start when weak, and a weak one leaves the route off", () => {
    expect(auditLogTokenProblem({ QUEUEREADY_AUDIT_LOG_TOKEN: "short" })).toMatch(
      /QUEUEREADY_AUDIT_LOG_TOKEN/,
    );
    expect(auditLogTokenProblem({ QUEUEREADY_AUDIT_LOG_TOKEN: "ab".repeat(20) })).toMatch(
      /QUEUEREADY_AUDIT_LOG_TOKEN/,
    );
    expect(auditLogTokenProblem({ QUEUEREADY_AUDIT_LOG_TOKEN: token })).toBeUndefined();
    expect(auditLogTokenProblem({})).toBeUndefined();
    expect(auditLogAccess(`Bearer ${"ab".repeat(20)}`, { QUEUEREADY_AUDIT_LOG_TOKEN: "ab".repeat(20) })).toBe(
      "disabled",
    );
    expect(auditLogAccess(null, {})).toBe("disabled");
    expect(auditLogAccess(`Bearer ${token}`, { QUEUEREADY_AUDIT_LOG_TOKEN: token })).toBe("allowed");
  });
});
