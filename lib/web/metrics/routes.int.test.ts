/**
 * /api/health and /api/metrics as the server answers them, on a real PostgreSQL (DATABASE_URL), without
 * a session: status codes for every kind of bad input, and the metrics of a stored audit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as metrics } from "@/app/api/metrics/route";
import { defaultDatabase } from "@/lib/adapters/db";
import { claimAuditSlot } from "@/lib/adapters/db/audits";
import { storeAudit } from "@/lib/services/audit/store-audit";
import { databasesPerFile } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
const token = "metrics-token-for-tests-0123456789";
const saved = { url: process.env.DATABASE_URL, token: process.env.QUEUEREADY_METRICS_TOKEN };
beforeAll(async () => {
  process.env.DATABASE_URL = await (await dbs.server()).createDatabase();
  process.env.QUEUEREADY_METRICS_TOKEN = token;
}, 60_000);
afterAll(async () => {
  await (await defaultDatabase()).close();
  process.env.DATABASE_URL = saved.url;
  process.env.QUEUEREADY_METRICS_TOKEN = saved.token;
});
const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1${path}`, { headers });

describe("/api/health", () => {
  it("answers liveness and readiness (database included) without a session, and nothing more", async () => {
    const live = await health(get("/api/health"));
    expect([live.status, await live.json()]).toEqual([200, { status: "ok" }]);
    const ready = await health(get("/api/health?probe=ready"));
    expect([ready.status, await ready.json()]).toEqual([200, { status: "ready", database: "ok" }]);
    expect(ready.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses unknown probes and parameters with a 400, never a 500", async () => {
    for (const q of [
      "?probe=deep",
      "?probe=",
      "?other=1",
      "?probe=ready&probe=live",
      `?probe=${"x".repeat(5000)}`,
    ])
      expect((await health(get(`/api/health${q}`))).status).toBe(400);
  });
});

describe("/api/metrics", () => {
  it("refuses a missing or wrong bearer token with 401", async () => {
    expect((await metrics(get("/api/metrics"))).status).toBe(401);
    expect((await metrics(get("/api/metrics", { authorization: "Bearer nope" }))).status).toBe(401);
    expect((await metrics(get("/api/metrics", { authorization: token }))).status).toBe(401);
  });

  it("serves the latest stored audit in Prometheus format with the token, and refuses parameters", async () => {
    const { db } = await defaultDatabase();
    await claimAuditSlot(db, { id: "a1", slot: "s1", startedBy: "test" });
    const verdicts = [
      {
        accountId: "123456789012",
        region: "us-east-1",
        kind: "replication-group",
        targetId: "orders-redis7",
        verdict: "ready",
        findings: [],
      },
    ];
    await storeAudit(db, "a1", { verdicts, awsErrors: {}, failedRegions: [] });
    const auth = { authorization: `Bearer ${token}` };
    const res = await metrics(get("/api/metrics", auth));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(await res.text()).toContain(
      'queueready_target_ready{account_id="123456789012",region="us-east-1",kind="replication-group",target="orders-redis7"} 1',
    );
    expect((await metrics(get("/api/metrics?x=1", auth))).status).toBe(400);
  });
});
