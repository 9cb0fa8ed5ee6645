import type { Env } from "./env";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { AttemptLimiter } from "./attempt-limiter";
import { clientAddress, trustedProxiesFromEnv } from "./client-address";
import { MISSING_SECRET_MESSAGE, resolveAuthSecret, secretProblem } from "./auth-secret";
import { oidcProvider, oidcSettingsFromEnv } from "./oidc";
import { isRole } from "./roles";
import { safeRedirectUrl } from "./callback-url";
import { storeRevocations, type RevocationStore } from "./revocations";
import { checkSessionToken, quietSessionEnded, SESSION_MAX_AGE_S, startSessionToken } from "./session-token";
import { createUserDirectory } from "./user-directory";
import { createCredentialChecker } from "./verify-credentials";
import { isDatabaseUnavailable } from "@/lib/adapters/db/availability";

const SIGN_IN_UNAVAILABLE =
  "QueueReady's database is not answering, so sign-in cannot be checked. Try again in a few seconds.";

/**
 * next-auth options from configuration: the password users (and demo users), the optional OIDC
 * provider, JWT sessions carrying the role. Throws with a message a person can act on when the
 * configuration cannot work (no secret outside demo mode, a secret under 32 bytes, a broken users file,
 * nobody able to sign in).
 */
export interface AuthDeps {
  /** Where signed-out sessions are recorded; the database (lib/db) by default. */
  revocations?: RevocationStore;
  /** Failed sign-ins and usual addresses; the database by default. */
  limiter?: AttemptLimiter;
}

export function buildAuthOptions(env: Env, deps: AuthDeps = {}): AuthOptions {
  const secret = resolveAuthSecret(env);
  if (!secret) throw new Error(secretProblem(env) ?? MISSING_SECRET_MESSAGE);
  const directory = createUserDirectory(env);
  const users = directory.all();
  const revocations = deps.revocations ?? storeRevocations();
  const oidc = oidcSettingsFromEnv(env);
  if (users.length === 0 && !oidc) {
    throw new Error(
      "No one can sign in: set QUEUEREADY_USERS or QUEUEREADY_USERS_FILE (see README), or configure OIDC.",
    );
  }
  const trustedProxies = trustedProxiesFromEnv(env);
  const checkCredentials = createCredentialChecker({
    users: directory.all,
    limiter: deps.limiter ?? new AttemptLimiter(),
  });
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Password",
      credentials: {
        username: { label: "Username", type: "text" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const result = await checkCredentials(
          String(credentials?.username ?? ""),
          String(credentials?.password ?? ""),
          clientAddress(req?.headers?.["x-forwarded-for"], trustedProxies),
        ).catch((err: unknown) => {
          // The limits live in the database: without it nobody is let in, and the form says why.
          if (isDatabaseUnavailable(err)) throw new Error(SIGN_IN_UNAVAILABLE);
          throw err;
        });
        if (result.ok)
          return {
            id: result.user.name,
            name: result.user.name,
            role: result.user.role,
            ...(result.user.accounts ? { accounts: result.user.accounts } : {}),
          };
        // null becomes next-auth's generic CredentialsSignin; a thrown message reaches the form as is.
        if (result.reason === "rate-limited") throw new Error(result.message);
        return null;
      },
    }),
  ];
  if (oidc) providers.push(oidcProvider(oidc));
  return {
    secret,
    providers,
    // Both: the cookie's life (session) and the token's own `exp` (jwt; next-auth's default is 30 days).
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    jwt: { maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      jwt({ token, user, account }) {
        if (user) return startSessionToken(token, user, account?.provider);
        // Every later use of the session: still not signed out, user still configured, role as configured now.
        return checkSessionToken(token, { directory, revocations });
      },
      session({ session, token }) {
        session.user = {
          name: String(token.name ?? ""),
          role: isRole(token.role) ? token.role : "viewer",
          ...(Array.isArray(token.accounts) ? { accounts: token.accounts.map(String) } : {}),
        };
        if (token.unverified === true) session.unverified = true;
        return session;
      },
    },
    events: {
      // A signed-out token must not work again, even from a copy: refuse its id until it would expire.
      async signOut({ token }) {
        if (!token?.sid) return;
        const exp = typeof token.exp === "number" ? token.exp * 1000 : Date.now() + SESSION_MAX_AGE_S * 1000;
        await revocations.revoke(token.sid, exp);
      },
    },
    logger: quietSessionEnded,
  };
}

let cached: AuthOptions | undefined;
let processRevocations: RevocationStore | undefined;

/** The options for this server process, built once from `process.env` on first use. */
export function getAuthOptions(): AuthOptions {
  processRevocations ??= storeRevocations();
  cached ??= buildAuthOptions(process.env, { revocations: processRevocations });
  return cached;
}

/** Where this process records sign-outs (the same store its session checks read). */
export function getRevocations(): RevocationStore {
  processRevocations ??= storeRevocations();
  return processRevocations;
}

/** Why auth cannot work with this configuration, or null when it can. Shown instead of a bare 500. */
export function authConfigProblem(): string | null {
  try {
    getAuthOptions();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
