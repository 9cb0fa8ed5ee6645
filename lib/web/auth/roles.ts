/**
 * The roles QueueReady knows. A viewer can look at clusters and preview changes; an operator can also
 * apply them (after a second operator's approval where the policy asks for one); an admin can also apply
 * without approval, giving a reason (break glass). Roles are ordered: a check for "viewer" passes for an
 * operator and an admin too.
 */
export const ROLES = ["viewer", "operator", "admin"] as const;

export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** True when `role` is a known role name (claims and config files are untrusted strings). */
export function isRole(role: unknown): role is Role {
  return typeof role === "string" && (ROLES as readonly string[]).includes(role);
}

/** True when a user holding `held` may do what needs `needed`. */
export function hasRole(held: Role, needed: Role): boolean {
  return RANK[held] >= RANK[needed];
}

/** The signed-in user as the app sees it, from the session. */
export interface SessionUser {
  /** The sign-in name (credentials) or the OIDC subject's preferred name. */
  name: string;
  role: Role;
  /** The AWS accounts this user may change (apply, approve, revert); absent = every account. */
  accounts?: string[];
}
