import { describe, expect, it } from "vitest";
import { oidcProvider, oidcSettingsFromEnv, roleFromClaims } from "./oidc";

const env = {
  QUEUEREADY_OIDC_ISSUER: "https://login.example.com/realms/ops/",
  QUEUEREADY_OIDC_CLIENT_ID: "queueready",
  QUEUEREADY_OIDC_CLIENT_SECRET: "s",
};

describe("OIDC", () => {
  it("is off unless issuer, client id and secret are all set", () => {
    expect(oidcSettingsFromEnv({ QUEUEREADY_OIDC_ISSUER: "https://x" })).toBeNull();
  });

  it("reads settings with defaults and discovers through the issuer", () => {
    const settings = oidcSettingsFromEnv(env);
    expect(settings).toEqual({
      issuer: "https://login.example.com/realms/ops",
      clientId: "queueready",
      clientSecret: "s",
      roleClaim: "queueready_role",
      defaultRole: "viewer",
      label: "Sign in with single sign-on",
    });
    expect(oidcProvider(settings!).wellKnown).toBe(
      "https://login.example.com/realms/ops/.well-known/openid-configuration",
    );
  });

  it("refuses an unknown default role", () => {
    expect(() => oidcSettingsFromEnv({ ...env, QUEUEREADY_OIDC_DEFAULT_ROLE: "admin" })).toThrow(
      'QUEUEREADY_OIDC_DEFAULT_ROLE must be "viewer" or "operator", not "admin".',
    );
  });

  it.each([
    [{ queueready_role: "operator" }, "viewer", "operator"],
    [{ queueready_role: ["staff", "operator"] }, "viewer", "operator"],
    [{ queueready_role: "viewer" }, "operator", "viewer"],
    [{ queueready_role: "root" }, "viewer", "viewer"],
    [{}, "operator", "operator"],
    [{ queueready_role: ["operator", "admin"] }, "viewer", "admin"],
  ] as const)("maps claims %j (default %s) to %s", (profile, fallback, role) => {
    expect(roleFromClaims(profile, "queueready_role", fallback)).toBe(role);
  });

  it("builds the user from the profile", () => {
    const provider = oidcProvider(oidcSettingsFromEnv({ ...env, QUEUEREADY_OIDC_ROLE_CLAIM: "groups" })!);
    const user = provider.profile({ sub: "u-1", preferred_username: "erin", groups: ["operator"] }, {});
    expect(user).toEqual({ id: "u-1", name: "erin", role: "operator" });
  });
});
