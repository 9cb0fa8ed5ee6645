import type { Env } from "./env";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Role } from "./roles";
import { isRole } from "./roles";

/** What QueueReady keeps from an OIDC sign-in. */
export interface OidcUser {
  id: string;
  name: string;
  role: Role;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim holding the role, a string or a list (e.g. groups). */
  roleClaim: string;
  defaultRole: Role;
  /** The button's words, e.g. "Sign in with Okta". */
  label: string;
}

/** OIDC settings from env, or null when any of issuer, client id or client secret is missing. */
export function oidcSettingsFromEnv(env: Env): OidcSettings | null {
  const issuer = env.QUEUEREADY_OIDC_ISSUER;
  const clientId = env.QUEUEREADY_OIDC_CLIENT_ID;
  const clientSecret = env.QUEUEREADY_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  const defaultRole = env.QUEUEREADY_OIDC_DEFAULT_ROLE ?? "viewer";
  // Never admin by default: break glass is granted to named people, through the claim.
  if (!isRole(defaultRole) || defaultRole === "admin") {
    throw new Error(`QUEUEREADY_OIDC_DEFAULT_ROLE must be "viewer" or "operator", not "${defaultRole}".`);
  }
  return {
    issuer: issuer.replace(/\/+$/, ""),
    clientId,
    clientSecret,
    roleClaim: env.QUEUEREADY_OIDC_ROLE_CLAIM || "queueready_role",
    defaultRole,
    label: env.QUEUEREADY_OIDC_LABEL || "Sign in with single sign-on",
  };
}

/**
 * The role an identity provider grants. The highest role the claim names (alone or in a list: "admin",
 * then "operator") wins; anything else, including a claim that is missing or unknown, falls back to the
 * configured default.
 */
export function roleFromClaims(profile: Record<string, unknown>, claim: string, fallback: Role): Role {
  const value = profile[claim];
  const values = Array.isArray(value) ? value : [value];
  if (values.includes("admin")) return "admin";
  if (values.includes("operator")) return "operator";
  if (values.includes("viewer")) return "viewer";
  return fallback;
}

/** A generic OIDC provider (discovery through the issuer's well-known document, PKCE and state). */
export function oidcProvider(settings: OidcSettings): OAuthConfig<Record<string, unknown>> {
  return {
    id: "oidc",
    name: settings.label,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid email profile" } },
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile): OidcUser {
      const sub = String(profile.sub ?? "");
      const name = String(profile.preferred_username ?? profile.email ?? profile.name ?? sub);
      return { id: sub, name, role: roleFromClaims(profile, settings.roleClaim, settings.defaultRole) };
    },
  };
}
