import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { MISSING_SECRET_MESSAGE } from "./auth-secret";
import { buildAuthOptions } from "./options";

const users = JSON.stringify([
  { username: "alice", role: "operator", passwordHash: bcrypt.hashSync("pw", 4) },
]);

describe("buildAuthOptions", () => {
  it("refuses to run without a secret outside demo mode", () => {
    expect(() => buildAuthOptions({ QUEUEREADY_USERS: users })).toThrow(MISSING_SECRET_MESSAGE);
  });

  it.each([
    { env: { NEXTAUTH_SECRET: " " }, name: "NEXTAUTH_SECRET", bytes: 0 },
    { env: { NEXTAUTH_SECRET: "x".repeat(31) }, name: "NEXTAUTH_SECRET", bytes: 31 },
    { env: { AUTH_SECRET: `  ${"y".repeat(20)}\n` }, name: "AUTH_SECRET", bytes: 20 },
    { env: { NEXTAUTH_SECRET: " ", QUEUEREADY_DEMO: "1" }, name: "NEXTAUTH_SECRET", bytes: 0 },
  ])(
    "refuses a secret under 32 bytes after trimming ($name, $bytes bytes), saying how to make one",
    ({ env, name, bytes }) => {
      expect(() => buildAuthOptions({ ...env, QUEUEREADY_USERS: users })).toThrow(
        `${name} is ${bytes} bytes long (spaces trimmed); QueueReady needs at least 32 random bytes to sign sessions: make one with \`openssl rand -base64 32\``,
      );
    },
  );

  it("accepts 32 bytes after trimming, counting bytes not characters", () => {
    expect(buildAuthOptions({ NEXTAUTH_SECRET: ` ${"z".repeat(32)} `, QUEUEREADY_USERS: users }).secret).toBe(
      "z".repeat(32),
    );
    expect(buildAuthOptions({ AUTH_SECRET: "é".repeat(16), QUEUEREADY_USERS: users }).secret).toBe(
      "é".repeat(16),
    );
  });

  it("makes a per-process secret in demo mode and keeps it in env for the proxy", () => {
    const env: Record<string, string | undefined> = { QUEUEREADY_DEMO: "1" };
    const options = buildAuthOptions(env);
    expect(options.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(env.NEXTAUTH_SECRET).toBe(options.secret);
  });

  it("refuses a QUEUEREADY_TRUSTED_PROXIES entry that is not an IP or CIDR", () => {
    expect(() =>
      buildAuthOptions({
        NEXTAUTH_SECRET: "x".repeat(32),
        QUEUEREADY_USERS: users,
        QUEUEREADY_TRUSTED_PROXIES: "lb",
      }),
    ).toThrow('QUEUEREADY_TRUSTED_PROXIES: "lb" is not an IP address or CIDR');
  });

  it("refuses a configuration where nobody can sign in", () => {
    expect(() => buildAuthOptions({ NEXTAUTH_SECRET: "x".repeat(32) })).toThrow(/^No one can sign in/);
  });

  it("uses JWT sessions, the QueueReady sign-in page and carries the role into the session", async () => {
    const options = buildAuthOptions({ AUTH_SECRET: "y".repeat(32), QUEUEREADY_USERS: users });
    expect(options.session?.strategy).toBe("jwt");
    expect(options.pages).toEqual({ signIn: "/sign-in", error: "/sign-in" });
    expect(options.providers.map((p) => p.id)).toEqual(["credentials"]);
    const jwt = options.callbacks!.jwt!;
    const token = await jwt({
      token: {},
      user: { id: "alice", name: "alice", role: "operator" },
      account: null,
    });
    expect(token).toMatchObject({ name: "alice", role: "operator", provider: "credentials" });
    expect(token.sid).toMatch(/^[0-9a-f-]{36}$/);
    const session = await options.callbacks!.session!({
      session: { expires: "2030-01-01T00:00:00Z", user: { name: "x", role: "viewer" } },
      token: { role: "operator", name: "alice" },
      user: { id: "alice", email: "", emailVerified: null },
      newSession: undefined,
      trigger: "update",
    });
    expect(session.user).toEqual({ name: "alice", role: "operator" });
  });

  it("adds the OIDC provider when configured", () => {
    const options = buildAuthOptions({
      NEXTAUTH_SECRET: "z".repeat(32),
      QUEUEREADY_OIDC_ISSUER: "https://idp.example.com",
      QUEUEREADY_OIDC_CLIENT_ID: "id",
      QUEUEREADY_OIDC_CLIENT_SECRET: "secret",
    });
    expect(options.providers.map((p) => p.id)).toEqual(["credentials", "oidc"]);
  });
});
