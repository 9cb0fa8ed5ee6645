import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { backoffMs, nextAttemptAt } from "@/lib/core/alerts/backoff";
import { channelsOf, notificationsConfigFromEnv } from "@/lib/core/alerts/config";
import { signDelivery, verifyDelivery } from "@/lib/adapters/notify/signing";

const secret = "s".repeat(32);
const slack = "https://hooks.slack.com/services/T000/B000/XXXXXXXXSECRETTOKEN";

describe("signing", () => {
  const body = '{"event":"regressed"}';
  const id = "ev-1";
  const at = new Date("2026-12-05T12:00:00Z");
  const t = at.getTime() / 1000;

  it("signs the time, the delivery id and the raw body as t=<s>,v1=<hex HMAC-SHA256>", () => {
    const expected = createHmac("sha256", secret).update(`${t}.${id}.${body}`).digest("hex");
    expect(signDelivery(secret, { id, body }, at)).toBe(`t=${t},v1=${expected}`);
    const signature = signDelivery(secret, { id, body }, at);
    expect(verifyDelivery(secret, { body, id, signature }, { now: at })).toBe(true);
    expect(verifyDelivery(secret, { body: `${body} `, id, signature }, { now: at })).toBe(false);
    expect(verifyDelivery("t".repeat(32), { body, id, signature }, { now: at })).toBe(false);
    expect(verifyDelivery(secret, { body, id, signature: undefined }, { now: at })).toBe(false);
  });

  it("refuses a captured delivery re-sent under a new delivery id, or later than the window", () => {
    const signature = signDelivery(secret, { id, body }, at);
    expect(verifyDelivery(secret, { body, id: "ev-2", signature }, { now: at })).toBe(false);
    const later = new Date(at.getTime() + 301_000);
    expect(verifyDelivery(secret, { body, id, signature }, { now: later })).toBe(false);
    const withinWindow = new Date(at.getTime() + 299_000);
    expect(verifyDelivery(secret, { body, id, signature }, { now: withinWindow })).toBe(true);
    // The old body-only form carries no time and verifies no more.
    const bodyOnly = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    expect(verifyDelivery(secret, { body, id, signature: bodyOnly }, { now: at })).toBe(false);
  });
});

describe("backoff", () => {
  const policy = { baseMs: 1000, maxMs: 10_000, maxAttempts: 4 };
  it("doubles per attempt within [half, whole] of the delay, capped", () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, policy, () => 1))).toEqual([
      1000, 2000, 4000, 8000, 10_000,
    ]);
    expect([1, 2, 3].map((a) => backoffMs(a, policy, () => 0))).toEqual([500, 1000, 2000]);
    for (let i = 0; i < 100; i++) {
      const ms = backoffMs(3, policy);
      expect(ms).toBeGreaterThanOrEqual(2000);
      expect(ms).toBeLessThanOrEqual(4000);
    }
  });

  it("gives up after the last attempt", () => {
    const now = new Date("2026-01-15T12:00:00Z");
    expect(nextAttemptAt(3, now, policy, () => 1)).toEqual(new Date(now.getTime() + 4000));
    expect(nextAttemptAt(4, now, policy)).toBeNull();
  });
});

describe("notificationsConfigFromEnv", () => {
  it("reads both channels and the base URL; blank values are unset", () => {
    const config = notificationsConfigFromEnv({
      QUEUEREADY_WEBHOOK_URL: "https://hooks.example.com/qr",
      QUEUEREADY_WEBHOOK_SECRET: secret,
      QUEUEREADY_SLACK_WEBHOOK_URL: slack,
      NEXTAUTH_URL: "https://queueready.example.com/",
    });
    expect(config).toEqual({
      webhook: { url: "https://hooks.example.com/qr", secret },
      slack: { url: slack },
      baseUrl: "https://queueready.example.com",
    });
    expect(channelsOf(config)).toEqual(["webhook", "slack"]);
    expect(channelsOf(notificationsConfigFromEnv({ QUEUEREADY_SLACK_WEBHOOK_URL: " " }))).toEqual([]);
  });

  it("refuses a weak secret saying how to make one, and a malformed URL without echoing it", () => {
    expect(() =>
      notificationsConfigFromEnv({
        QUEUEREADY_WEBHOOK_URL: "https://h.example.com",
        QUEUEREADY_WEBHOOK_SECRET: "short",
      }),
    ).toThrow(/at least 32 bytes .*openssl rand -hex 32/);
    let thrown = "";
    try {
      notificationsConfigFromEnv({ QUEUEREADY_SLACK_WEBHOOK_URL: "ftp://hooks.slack.com/services/TOKEN123" });
    } catch (err) {
      thrown = (err as Error).message;
    }
    expect(thrown).toBe("QUEUEREADY_SLACK_WEBHOOK_URL must be an http(s) URL.");
    expect(() => notificationsConfigFromEnv({ QUEUEREADY_WEBHOOK_SECRET: secret })).toThrow(
      /without QUEUEREADY_WEBHOOK_URL/,
    );
  });
});
