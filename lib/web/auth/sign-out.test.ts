import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import type { RevocationStore } from "./revocations";
import { recordSignOut } from "./sign-out";

const secret = "x".repeat(40);

const csrf = "c".repeat(32);
const csrfCookie = `next-auth.csrf-token=${csrf}|${createHash("sha256").update(`${csrf}${secret}`).digest("hex")}`;

async function signOutRequest(
  token?: Record<string, unknown>,
  opts: { csrfToken?: string } = {},
): Promise<NextRequest> {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  const cookies = [csrfCookie];
  if (token) cookies.push(`next-auth.session-token=${await encode({ token, secret })}`);
  headers.set("cookie", cookies.join("; "));
  const body = new URLSearchParams({ csrfToken: opts.csrfToken ?? csrf, callbackUrl: "/sign-in" });
  return new NextRequest("http://localhost:3000/api/auth/signout", { method: "POST", headers, body });
}

function store(revoke: RevocationStore["revoke"]): RevocationStore {
  return { revoke: vi.fn(revoke), isRevoked: async () => false };
}

describe("sign-out is done only once it is recorded", () => {
  it("records the session id until the token would expire, then lets next-auth clear the cookie", async () => {
    const revocations = store(async () => undefined);
    const refused = await recordSignOut(
      await signOutRequest({ sid: "s-1", name: "alice" }),
      secret,
      revocations,
    );
    expect(refused).toBeUndefined();
    // Until the token's own exp (encode sets it), in epoch ms.
    const [[sid, untilMs]] = vi.mocked(revocations.revoke).mock.calls as [[string, number]];
    expect(sid).toBe("s-1");
    expect(untilMs).toBeGreaterThan(Date.now());
  });

  it("answers 503 and keeps the session when the database cannot take the revocation", async () => {
    const revocations = store(async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    });
    const refused = await recordSignOut(
      await signOutRequest({ sid: "s-2", name: "alice" }),
      secret,
      revocations,
    );
    expect(refused?.status).toBe(503);
    expect(refused?.headers.get("retry-after")).toBe("5");
    expect(refused?.headers.get("set-cookie")).toBeNull();
    expect(await refused?.text()).toMatch(/role="alert">QueueReady could not record the sign-out/);
  });

  it("has nothing to record without a session", async () => {
    const revocations = store(async () => undefined);
    expect(await recordSignOut(await signOutRequest(), secret, revocations)).toBeUndefined();
    expect(revocations.revoke).not.toHaveBeenCalled();
  });

  it("revokes nothing for a POST without the form's CSRF token (another site cannot sign people out)", async () => {
    const revocations = store(async () => undefined);
    const forged = await signOutRequest({ sid: "s-3", name: "alice" }, { csrfToken: "forged" });
    expect(await recordSignOut(forged, secret, revocations)).toBeUndefined();
    expect(revocations.revoke).not.toHaveBeenCalled();
  });
});
