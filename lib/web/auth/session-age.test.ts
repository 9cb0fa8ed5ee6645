/**
 * The first gate: the proxy sends a visitor whose token is older than a session to sign in, even when the
 * token still decrypts and its `exp` (next-auth's default is 30 days) is ahead.
 */
import { encode } from "next-auth/jwt";
import type { NextRequestWithAuth } from "next-auth/middleware";
import { NextRequest, type NextFetchEvent } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";

const SECRET = "session-age-test-secret-0123456789abcdef";
vi.stubEnv("NEXTAUTH_SECRET", SECRET);
vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3000");
const { default: proxy } = await import("@/proxy");
afterAll(() => vi.unstubAllEnvs());

/** A session cookie as next-auth would have set it `hoursAgo`, with a 30-day expiry. */
async function tokenIssued(hoursAgo: number): Promise<string> {
  const at = Date.now() - hoursAgo * 3_600_000;
  vi.useFakeTimers({ toFake: ["Date"], now: at });
  try {
    const token = { name: "alice", role: "operator" as const, sid: "s-1", provider: "credentials" };
    return await encode({
      token: { ...token, signedInAt: Math.floor(at / 1000) },
      secret: SECRET,
      maxAge: 30 * 24 * 3600,
    });
  } finally {
    vi.useRealTimers();
  }
}

const visit = async (cookie: string) =>
  proxy(
    new NextRequest("http://127.0.0.1:3000/status", {
      headers: { cookie: `next-auth.session-token=${cookie}` },
    }) as NextRequestWithAuth,
    {} as NextFetchEvent,
  );

describe("the proxy and the session's age", () => {
  it("lets a token issued an hour ago load /status, and sends one issued 9 hours ago to sign in", async () => {
    const fresh = await visit(await tokenIssued(1));
    // next-auth's gate answers nothing (undefined) to let the request through to the page.
    expect(fresh).toBeUndefined();
    const old = await visit(await tokenIssued(9));
    expect(old?.status).toBe(307);
    expect(old?.headers.get("location")).toContain("/sign-in?callbackUrl=");
  });
});
