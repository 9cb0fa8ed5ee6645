import type { Env } from "./env";
import { readFileSync } from "node:fs";
import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Role } from "./roles";
import { ROLES } from "./roles";
import { accountIdString } from "@/lib/core/identity/identity";

/** A user who signs in with a password. The password itself is never stored, only its bcrypt hash. */
export interface ConfiguredUser {
  username: string;
  role: Role;
  passwordHash: string;
  /** Limits what the user may change to these AWS accounts (viewing is not limited). */
  accounts?: string[];
}

/** The password of the two built-in demo users. Demo mode only talks to the local sandbox. */
export const DEMO_PASSWORD = "queueready";
const DEMO_COST = 10;

const userSchema = z.object({
  username: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, "1..64 letters, digits or . _ @ -"),
  role: z.enum(ROLES),
  passwordHash: z.string().regex(/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/, "a bcrypt hash ($2b$...)"),
  accounts: z.array(accountIdString("a 12-digit AWS account id")).min(1).max(1000).optional(),
});
const usersSchema = z.array(userSchema);

/** Thrown when the users configuration cannot be used; the message says what to fix. */
export class UsersConfigError extends Error {}

function parseUsers(json: string, source: string): ConfiguredUser[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new UsersConfigError(`${source} is not valid JSON.`);
  }
  const parsed = usersSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join(".") : "";
    throw new UsersConfigError(
      `${source}: entry ${where} is invalid (${issue?.message ?? "unknown problem"}).`,
    );
  }
  return parsed.data;
}

/**
 * Reads the users from `QUEUEREADY_USERS` (JSON) or the file named by `QUEUEREADY_USERS_FILE`, and in
 * demo mode (`QUEUEREADY_DEMO=1`) adds `viewer` and `operator`, whose hashes are computed here so the
 * demo password never sits in a hash table on disk. Usernames are matched case-insensitively, so
 * duplicates that differ only in case are refused.
 */
export function loadUsers(env: Env): ConfiguredUser[] {
  const users: ConfiguredUser[] = [];
  if (env.QUEUEREADY_USERS) users.push(...parseUsers(env.QUEUEREADY_USERS, "QUEUEREADY_USERS"));
  if (env.QUEUEREADY_USERS_FILE) {
    let text: string;
    try {
      text = readFileSync(env.QUEUEREADY_USERS_FILE, "utf8");
    } catch {
      throw new UsersConfigError(`QUEUEREADY_USERS_FILE ${env.QUEUEREADY_USERS_FILE} cannot be read.`);
    }
    users.push(...parseUsers(text, env.QUEUEREADY_USERS_FILE));
  }
  if (isDemoMode(env)) {
    // The demo's users are one per everyday role; an admin (break glass) is configured by name.
    for (const role of ROLES.filter((r) => r !== "admin")) {
      if (users.some((u) => u.username.toLowerCase() === role)) continue;
      users.push({ username: role, role, passwordHash: bcrypt.hashSync(DEMO_PASSWORD, DEMO_COST) });
    }
  }
  const seen = new Set<string>();
  for (const user of users) {
    const key = user.username.toLowerCase();
    if (seen.has(key)) throw new UsersConfigError(`User "${user.username}" is configured twice.`);
    seen.add(key);
  }
  return users;
}

/** Demo mode: built-in users and the sign-in page shows them. Never set it against a real account. */
export function isDemoMode(env: Env): boolean {
  return env.QUEUEREADY_DEMO === "1" || env.QUEUEREADY_DEMO === "true";
}
