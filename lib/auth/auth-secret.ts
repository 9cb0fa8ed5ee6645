import type { Env } from "@/lib/auth/env";
import { randomBytes } from "node:crypto";
import { isDemoMode } from "@/lib/auth/users";

/** The words shown when the server is started without a session secret outside demo mode. */
export const MISSING_SECRET_MESSAGE =
  "QueueReady refuses to start without a session secret: set NEXTAUTH_SECRET (or AUTH_SECRET) to a long random " +
  "value, e.g. `openssl rand -base64 32`, and keep it the same across restarts and instances.";

/** The configured session secret, or null when none is set. */
export function configuredSecret(env: Env): string | null {
  const secret = env.NEXTAUTH_SECRET || env.AUTH_SECRET;
  return secret ? secret : null;
}

/**
 * The secret to sign sessions with. In demo mode without one (e.g. `QUEUEREADY_DEMO=1 next dev`) a
 * random one is made for this process and stored in `env`, so the proxy and the auth routes, which run
 * in the same process, agree; sessions then end with the process, which is right for a demo.
 * Outside demo mode a missing secret returns null and callers refuse to serve.
 */
export function resolveAuthSecret(env: Env = process.env): string | null {
  const secret = configuredSecret(env);
  if (secret) return secret;
  if (!isDemoMode(env)) return null;
  env.NEXTAUTH_SECRET = randomBytes(32).toString("base64url");
  return env.NEXTAUTH_SECRET;
}
