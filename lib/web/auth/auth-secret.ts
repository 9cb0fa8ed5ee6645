import type { Env } from "./env";
import { randomBytes } from "node:crypto";
import { MIN_SECRET_BYTES, secretBytes, secretWeakness } from "@/lib/core/secrets/strength";
import { isDemoMode } from "./users";

const HOW_TO_MAKE_ONE =
  "make one with `openssl rand -base64 32` and keep it the same across restarts and instances.";

/** The words shown when the server is started without a session secret outside demo mode. */
export const MISSING_SECRET_MESSAGE =
  "QueueReady refuses to start without a session secret: set NEXTAUTH_SECRET (or AUTH_SECRET) to a long random " +
  "value, e.g. `openssl rand -base64 32`, and keep it the same across restarts and instances.";

/** The words shown for a secret that is set but too short to keep sessions from being forged. */
export function weakSecretMessage(name: string, bytes: number): string {
  return (
    `${name} is ${bytes} byte${bytes === 1 ? "" : "s"} long (spaces trimmed); QueueReady needs at least ` +
    `${MIN_SECRET_BYTES} random bytes to sign sessions: ${HOW_TO_MAKE_ONE}`
  );
}

/** The configured secret (trimmed) and the variable it came from, or null when neither is set. */
function configured(env: Env): { name: string; value: string } | null {
  if (env.NEXTAUTH_SECRET) return { name: "NEXTAUTH_SECRET", value: env.NEXTAUTH_SECRET.trim() };
  if (env.AUTH_SECRET) return { name: "AUTH_SECRET", value: env.AUTH_SECRET.trim() };
  return null;
}

/** The configured session secret when it is long enough, else null. */
export function configuredSecret(env: Env): string | null {
  const secret = configured(env);
  return secret && secretWeakness(secret.value) === null ? secret.value : null;
}

/** Why the configured secret cannot be used (missing or too short), or null when it can. */
export function secretProblem(env: Env): string | null {
  const secret = configured(env);
  if (!secret) return MISSING_SECRET_MESSAGE;
  return secretWeakness(secret.value) === null
    ? null
    : weakSecretMessage(secret.name, secretBytes(secret.value));
}

/**
 * The secret to sign sessions with. In demo mode without one (e.g. `QUEUEREADY_DEMO=1 next dev`) a
 * random one is made for this process and stored in `env`, so the proxy and the auth routes, which run
 * in the same process, agree; sessions then end with the process, which is right for a demo.
 * A secret that is set but too short is refused in every mode (null): callers refuse to serve and say why.
 */
export function resolveAuthSecret(env: Env = process.env): string | null {
  if (configured(env)) return configuredSecret(env);
  if (!isDemoMode(env)) return null;
  env.NEXTAUTH_SECRET = randomBytes(32).toString("base64url");
  return env.NEXTAUTH_SECRET;
}
