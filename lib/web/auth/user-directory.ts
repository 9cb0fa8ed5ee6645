/**
 * The configured password users, as of now: `QUEUEREADY_USERS_FILE` is read again when its modification
 * time changes, so removing a user or changing a role in the file takes effect on their next request
 * without a restart. A file that turns unreadable or invalid fails closed (nobody is found) and is logged.
 */
import { statSync } from "node:fs";
import type { Env } from "./env";
import { loadUsers, type ConfiguredUser } from "./users";

export interface UserDirectory {
  /** Every configured user (environment, file and demo users). */
  all(): ConfiguredUser[];
  /** The user of that name (case-insensitive), or undefined when not (or no longer) configured. */
  find(username: string): ConfiguredUser | undefined;
}

function fileStamp(file: string | undefined): string {
  if (!file) return "";
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return "missing";
  }
}

/** Throws like loadUsers when the configuration is broken at start, so the server refuses to serve. */
export function createUserDirectory(env: Env, initial: ConfiguredUser[] = loadUsers(env)): UserDirectory {
  let users = initial;
  let stamp = fileStamp(env.QUEUEREADY_USERS_FILE);
  const current = (): ConfiguredUser[] => {
    const now = fileStamp(env.QUEUEREADY_USERS_FILE);
    if (now === stamp) return users;
    stamp = now;
    try {
      users = loadUsers(env);
    } catch (err) {
      console.error(
        `[queueready] the users configuration changed and cannot be read; nobody can sign in with a password until it is fixed: ${err instanceof Error ? err.message : String(err)}`,
      );
      users = [];
    }
    return users;
  };
  return {
    all: current,
    find(username) {
      const wanted = username.toLowerCase();
      return current().find((u) => u.username.toLowerCase() === wanted);
    },
  };
}
