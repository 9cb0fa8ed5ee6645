import type { NextRequestWithAuth } from "next-auth/middleware";
import { NextRequest, type NextFetchEvent } from "next/server";
import { describe, expect, it } from "vitest";
import proxy, { config } from "@/proxy";
import { noteDatabaseAnswered, noteDatabaseOutage } from "@/lib/adapters/db/availability";

const matcher = new RegExp(`^${config.matcher[0]!}$`);
const post = (path: string, length: string) =>
  proxy(
    new NextRequest(`http://127.0.0.1:3000${path}`, {
      method: "POST",
      headers: { "content-length": length },
    }) as NextRequestWithAuth,
    {} as NextFetchEvent,
  );

describe("proxy", () => {
  it("runs on pages and on the API routes, not on Next's assets", () => {
    for (const path of [
      "/status",
      "/wizard/target",
      "/api/auth/callback/credentials",
      "/api/audit/export",
      "/sign-in",
    ])
      expect(matcher.test(path), path).toBe(true);
    for (const path of ["/_next/static/chunks/a.js", "/icon.svg"])
      expect(matcher.test(path), path).toBe(false);
  });

  it.each(["/wizard/target", "/api/auth/callback/credentials"])(
    "answers 413 to a body over 1 MB on %s",
    async (path) => {
      const response = await post(path, String(1024 * 1024 + 1));
      expect(response?.status).toBe(413);
    },
  );

  it("answers 400 with the reason to a status search holding a NUL, before any session or query", async () => {
    for (const path of [
      "/status?q=%00",
      "/status?q=a%00b&region=us-east-1",
      "/api/audit/export?format=csv&q=%00",
    ]) {
      const response = await proxy(
        new NextRequest(`http://127.0.0.1:3000${path}`) as NextRequestWithAuth,
        {} as NextFetchEvent,
      );
      expect({ path, status: response?.status }).toEqual({ path, status: 400 });
      expect(await response!.text()).toMatch(/^The search .*NUL/);
    }
  });

  it("lets a normal sign-in post through, and sends a signed-out page visit to sign in", async () => {
    const signIn = await post("/api/auth/callback/credentials", "120");
    expect(signIn?.headers.get("x-middleware-next")).toBe("1");
    const page = await proxy(
      new NextRequest("http://127.0.0.1:3000/status") as NextRequestWithAuth,
      {} as NextFetchEvent,
    );
    expect(page?.status).toBe(307);
    expect(page?.headers.get("location")).toContain("/sign-in?callbackUrl=");
  });

  it("answers 503 with Retry-After at once while an outage is fresh, except the health check", async () => {
    const visit = (path: string, accept = "text/html") =>
      proxy(
        new NextRequest(`http://127.0.0.1:3000${path}`, { headers: { accept } }) as NextRequestWithAuth,
        {} as NextFetchEvent,
      );
    noteDatabaseOutage();
    try {
      const page = await visit("/status");
      expect(page?.status).toBe(503);
      expect(page?.headers.get("retry-after")).toMatch(/^[1-5]$/);
      expect(await page!.text()).toContain("You are still signed in");
      const api = await visit("/api/audit/export?format=csv", "*/*");
      expect(api?.status).toBe(503);
      expect(await api!.json()).toEqual({ error: expect.stringContaining("try again") });
      expect((await visit("/api/health"))?.headers.get("x-middleware-next")).toBe("1");
    } finally {
      noteDatabaseAnswered();
    }
    expect((await visit("/status"))?.status).toBe(307);
  });

  it("answers 413 to a chunked body over 1 MB (no Content-Length), and lets a small one through", async () => {
    const chunked = (bytes: number) =>
      proxy(
        new NextRequest("http://127.0.0.1:3000/wizard/target", {
          method: "POST",
          body: new ReadableStream({
            start(c) {
              for (let sent = 0; sent < bytes; sent += 64 * 1024) c.enqueue(new Uint8Array(64 * 1024));
              c.close();
            },
          }),
          duplex: "half",
        } as ConstructorParameters<typeof NextRequest>[1]) as NextRequestWithAuth,
        {} as NextFetchEvent,
      );
    expect((await chunked(2 * 1024 * 1024))?.status).toBe(413);
    expect((await chunked(64 * 1024))?.status).not.toBe(413);
  });

  it("answers 403 to a server action posted from another site, and lets the app's own through", async () => {
    const action = (origin: string, extra: Record<string, string> = {}) =>
      proxy(
        new NextRequest("http://127.0.0.1:3000/wizard/target", {
          method: "POST",
          headers: {
            "next-action": "abc123",
            origin,
            host: "127.0.0.1:3000",
            "content-length": "2",
            ...extra,
          },
          body: "[]",
        }) as NextRequestWithAuth,
        {} as NextFetchEvent,
      );
    for (const origin of ["https://evil.example", "null", "http://127.0.0.1:3001"])
      expect({ origin, status: (await action(origin))?.status }).toEqual({ origin, status: 403 });
    expect((await action("http://127.0.0.1:3000"))?.status).not.toBe(403);
    expect(
      (await action("https://qr.example.com", { "x-forwarded-host": "qr.example.com" }))?.status,
    ).not.toBe(403);
  });
});
