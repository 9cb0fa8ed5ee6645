import type { Role } from "./roles";

// The role travels in the JWT and the session; next-auth's own types know nothing of it.
declare module "next-auth" {
  interface Session {
    user: { name: string; role: Role; accounts?: string[] };
    /** Set when the session could not be checked because the database did not answer (a 503, not sign-in). */
    unverified?: boolean;
  }
  interface User {
    role?: Role;
    accounts?: string[];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** The accounts the user may change, when limited (password users: re-read from the configuration). */
    accounts?: string[];
    /** This session's id: what sign-out revokes. */
    sid?: string;
    /** `credentials` or `oidc`: password users are checked against the configuration on each request. */
    provider?: string;
    /** When the user signed in (seconds since the epoch): re-issuing the token keeps it. */
    signedInAt?: number;
    /** next-auth's own: when this copy of the token was issued (seconds since the epoch). */
    iat?: number;
    /** This request could not check the session (database unavailable); never trusted from a cookie. */
    unverified?: boolean;
  }
}
