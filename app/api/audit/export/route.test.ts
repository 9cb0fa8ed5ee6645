import { afterAll, describe, expect, it, vi } from "vitest";
import { claimAuditSlot } from "@/lib/adapters/db/audits";
import { storeAudit } from "@/lib/services/audit/store-audit";
import type { TargetStateInput } from "@/lib/adapters/db/target-states";
import { memoryDatabase } from "@/tools/testing/test-db";

const database = memoryDatabase();
vi.mock("@/lib/web/auth/session", () => ({ getSessionUser: async () => ({ name: "vera", role: "viewer" }) }));
vi.mock("@/lib/adapters/db", () => ({ defaultDatabase: () => database }));
const { GET } = await import("./route");
afterAll(async () => (await database).close());

const get = (query: string) => GET(new Request(`http://127.0.0.1/api/audit/export?${query}`));

const target = (i: number): TargetStateInput => ({
  accountId: i % 2 ? "210987654321" : "123456789012",
  accountName: i % 2 ? "staging" : "management",
  region: "us-east-1",
  kind: "replication-group",
  targetId: `c-${String(i).padStart(3, "0")}`,
  verdict: i % 3 ? "needs-changes" : "ready",
  status: "available",
  topology: "1 shard × 2 nodes",
  parameterGroup: "=cmd|' /C calc'!A0",
  findings: i % 3 ? [{ ruleId: "eviction-policy", severity: "fail", title: "volatile-lru" }] : [],
});

describe("GET /api/audit/export (from the stored state)", () => {
  it("answers 503 while no audit is stored, and 400 for an unknown format", async () => {
    expect((await get("format=json")).status).toBe(503);
    expect((await get("format=xml")).status).toBe(400);
  });

  it("gives every filtered row, not a page, with the account id and name", async () => {
    const { db } = await database;
    const targets = Array.from({ length: 130 }, (_, i) => target(i));
    await claimAuditSlot(db, { id: "a1", slot: "s1", startedBy: "t" });
    await storeAudit(db, "a1", {
      verdicts: [],
      awsErrors: {},
      failedRegions: [],
      accounts: [
        { id: "123456789012", name: "management" },
        { id: "210987654321", name: "staging" },
        { id: "456789012345", name: "research", problem: "AccessDenied: not trusted" },
      ],
      states: { targets, scopes: [{ accountId: "123456789012", region: "us-east-1" }] },
    });
    const csv = (await (await get("format=csv&account=210987654321")).text()).split("\r\n");
    expect(csv[0]).toMatch(/^account_id,account_name,region,name,kind,verdict,/);
    expect(csv.filter((l) => l !== "")).toHaveLength(66);
    expect(csv[1]).toMatch(
      /^"210987654321","staging","us-east-1","c-001","replication-group","needs-changes",/,
    );
    // A cell a spreadsheet would run as a formula is defused.
    expect(csv[1]).toContain(`,"'=cmd|' /C calc'!A0",`);

    // PostgreSQL refuses a NUL in text: the search must be refused with a reason, never reach the query.
    for (const q of ["%00", "orders%00", "%00%00"]) {
      const nul = await get(`format=csv&q=${q}`);
      expect({ q, status: nul.status }).toEqual({ q, status: 400 });
      expect(await nul.json()).toEqual({ error: expect.stringMatching(/^The search .*NUL/) });
    }

    const response = await get("format=json&verdict=ready");
    expect(response.headers.get("content-disposition")).toMatch(/queueready-audit-ready-\d{4}-.*\.json/);
    const json = await response.json();
    expect(json.clusters).toHaveLength(44);
    expect(json.summary).toMatchObject({ ready: 44, "needs-changes": 0 });
    expect(json.clusters[0]).toMatchObject({ accountId: "123456789012", accountName: "management" });
    expect(json.accounts.find((a: { accountName: string }) => a.accountName === "research")).toMatchObject({
      problem: "AccessDenied: not trusted",
    });
  });
});
