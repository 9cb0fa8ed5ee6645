import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csrfTokenFromCookies } from "./csrf-token";

// next-auth does not export its CSRF helper; load the very function its routes use, by file, so this
// test fails if next-auth ever changes the cookie format the sign-in and sign-out forms depend on.
const nextAuthCsrf = createRequire(import.meta.url)(
  path.resolve("node_modules/next-auth/core/lib/csrf-token.js"),
) as {
  createCSRFToken(args: { options: { secret: string }; isPost: boolean }): {
    cookie: string;
    csrfToken: string;
  };
};

const SECRET = "test-secret-0123456789";
const jar = (entries: Record<string, string>) => ({
  get: (name: string) => (name in entries ? { value: entries[name]! } : undefined),
});

describe("csrfTokenFromCookies", () => {
  const { cookie, csrfToken } = nextAuthCsrf.createCSRFToken({ options: { secret: SECRET }, isPost: false });

  it("reads the token next-auth put in its cookie, under either cookie name", () => {
    expect(csrfToken).toMatch(/^[0-9a-f]{64}$/);
    expect(csrfTokenFromCookies(jar({ "next-auth.csrf-token": cookie }), SECRET)).toBe(csrfToken);
    expect(csrfTokenFromCookies(jar({ "__Host-next-auth.csrf-token": cookie }), SECRET)).toBe(csrfToken);
    expect(csrfTokenFromCookies(jar({ "next-auth.csrf-token": cookie.replace("|", "%7C") }), SECRET)).toBe(
      csrfToken,
    );
  });

  it("refuses a cookie signed with another secret, a forged hash, or none at all", () => {
    expect(csrfTokenFromCookies(jar({ "next-auth.csrf-token": cookie }), "another-secret")).toBeNull();
    expect(
      csrfTokenFromCookies(jar({ "next-auth.csrf-token": `${csrfToken}|${"0".repeat(64)}` }), SECRET),
    ).toBeNull();
    expect(csrfTokenFromCookies(jar({ "next-auth.csrf-token": csrfToken }), SECRET)).toBeNull();
    expect(csrfTokenFromCookies(jar({}), SECRET)).toBeNull();
    expect(csrfTokenFromCookies(jar({ "next-auth.csrf-token": cookie }), null)).toBeNull();
  });

  it("skips a stale cookie under one name when the other one is valid", () => {
    const stale = `${"a".repeat(64)}|${"b".repeat(64)}`;
    const cookies = jar({ "__Host-next-auth.csrf-token": stale, "next-auth.csrf-token": cookie });
    expect(csrfTokenFromCookies(cookies, SECRET)).toBe(csrfToken);
  });
});
