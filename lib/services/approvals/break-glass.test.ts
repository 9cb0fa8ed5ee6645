import { describe, expect, it } from "vitest";
import { verifyDelivery } from "@/lib/adapters/notify/signing";
import { announceOverride, OVERRIDE_EVENT } from "./break-glass";

const SECRET = "9b1d5e7a3c0f8e2d4b6a1c9e7f3d5b0a8c2e4f6a";
const override = {
  actor: "root",
  reason: "payments down",
  targets: ["345678901234/us-east-1/replication-group/pay"],
  runId: "r1",
};

describe("break glass", () => {
  it("posts approval-overridden to the webhook, signed, with who, why and what", async () => {
    const seen: { url: string; body: string; headers: Record<string, string> }[] = [];
    const fake = (async (url: string, init: RequestInit) => {
      seen.push({ url, body: String(init.body), headers: init.headers as Record<string, string> });
      return new Response("ok");
    }) as unknown as typeof fetch;
    const env = {
      QUEUEREADY_WEBHOOK_URL: "https://hooks.example.com/qr",
      QUEUEREADY_WEBHOOK_SECRET: SECRET,
      NEXTAUTH_URL: "https://qr.example.com",
    };
    const now = new Date();
    expect(await announceOverride(override, env, { fetch: fake, now })).toEqual({ sent: true });
    expect(seen).toHaveLength(1);
    const body = JSON.parse(seen[0]!.body) as Record<string, unknown>;
    expect(body).toEqual({
      event: OVERRIDE_EVENT,
      actor: "root",
      reason: "payments down",
      targets: override.targets,
      runId: "r1",
      at: now.toISOString(),
      url: "https://qr.example.com/changes/r1",
    });
    const id = seen[0]!.headers["X-QueueReady-Delivery"]!;
    const signature = seen[0]!.headers["X-QueueReady-Signature"]!;
    expect(verifyDelivery(SECRET, { id, body: seen[0]!.body, signature }, { now })).toBe(true);
  });

  it("sends nothing without a webhook, and says why when the receiver fails", async () => {
    expect(await announceOverride(override, {})).toEqual({ sent: false });
    const failing = (async () => new Response("no", { status: 500 })) as unknown as typeof fetch;
    expect(
      await announceOverride(
        override,
        { QUEUEREADY_WEBHOOK_URL: "https://hooks.example.com/qr" },
        { fetch: failing },
      ),
    ).toEqual({ sent: false, error: "HTTP 500" });
  });
});
