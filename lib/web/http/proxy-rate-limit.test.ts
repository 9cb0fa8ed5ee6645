import type { NextRequestWithAuth } from "next-auth/middleware";
import { encode } from "next-auth/jwt";
import { NextRequest, type NextFetchEvent } from "next/server";
import { describe, expect, it, vi } from "vitest";

const SECRET = vi.hoisted(() => {
  const secret = "r".repeat(40);
  process.env.NEXTAUTH_SECRET = secret;
  process.env.QUEUEREADY_PREVIEWS_PER_MINUTE = "4";
  return secret;
});
const { default: proxy } = await import("@/proxy");

async function cookieFor(name: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = await encode({
    token: { name, role: "viewer", sid: `sid-${name}`, iat: now, signedInAt: now },
    secret: SECRET,
  });
  return `next-auth.session-token=${token}`;
}

const visit = async (path: string, cookie: string, headers: Record<string, string> = {}) =>
  proxy(
    new NextRequest(`http://127.0.0.1:3000${path}`, {
      headers: { cookie, accept: "text/html", ...headers },
    }) as NextRequestWithAuth,
    {} as NextFetchEvent,
  );

describe("per-user limits on previews and wizard reads", () => {
  it("answers 429 with Retry-After once a user spends their preview budget, and only them", async () => {
    const vera = await cookieFor("vera");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await visit("/wizard/preview?target=x", vera))?.status ?? 0);
    // A burst of half a minute's budget (2), then refused.
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    const refused = await visit("/wizard/preview", vera);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await refused!.text()).toMatch(/previewed changes many times.*Try again in \d+ seconds?/);
    // Another user, another page kind, a prefetch: not refused.
    expect((await visit("/wizard/preview", await cookieFor("olga")))?.status).not.toBe(429);
    expect((await visit("/wizard/target", vera))?.status).not.toBe(429);
    expect((await visit("/wizard/preview", vera, { "next-router-prefetch": "1" }))?.status).not.toBe(429);
  });
});
