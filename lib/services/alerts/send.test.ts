import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendNotification } from "./send";
import { freePortSync } from "@/tools/testing/free-port";
import type { TargetEventRow } from "@/lib/adapters/db/target-events";

let server: Server;
let url: string;
beforeAll(async () => {
  // Accepts the request and never answers: what a hung receiver looks like.
  server = createServer(() => undefined);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T0/B0/SECRETTOKEN`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const event = {
  id: "e1",
  accountId: "123456789012",
  region: "us-east-1",
  kind: "replication-group",
  targetId: "orders",
  auditId: "a1",
  event: "regressed",
  verdictBefore: "ready",
  verdictAfter: "needs-changes",
  findings: [],
  changedRules: [],
  at: new Date("2026-01-15T14:05:00Z"),
  since: null,
  cause: null,
  causeCheckedAt: null,
} satisfies TargetEventRow;

describe("sendNotification", () => {
  it("gives up on a receiver that does not answer within the timeout, without naming its URL", async () => {
    const started = Date.now();
    const outcome = await sendNotification("slack", event, { slack: { url } }, { timeoutMs: 300 });
    expect(outcome).toEqual({ ok: false, error: "no answer within 0.3 s" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("names a refused connection by its code only", async () => {
    const closed = `http://127.0.0.1:${freePortSync()}/services/T0/B0/SECRETTOKEN`;
    const outcome = await sendNotification(
      "webhook",
      event,
      { webhook: { url: closed } },
      { timeoutMs: 1_000 },
    );
    expect(outcome).toEqual({ ok: false, error: "connection failed (ECONNREFUSED)" });
  });
});
