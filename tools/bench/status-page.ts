/**
 * Times the status page the way a signed-in browser gets it: next-auth's credentials sign-in with
 * fetch (CSRF token + cookie), then GET /status?regions=all read to the last streamed byte.
 */
import { checkPage } from "./page-complete";

/** Demo users exist when the app runs with QUEUEREADY_DEMO=1 (see lib/web/auth). */
const DEMO_USER = { username: "viewer", password: "queueready" };

/** Signs in and returns the Cookie header to send with page requests. */
export async function signIn(appUrl: string): Promise<string> {
  const csrfRes = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  collect(jar, csrfRes.headers);
  const res = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar) },
    body: new URLSearchParams({ csrfToken, ...DEMO_USER, callbackUrl: `${appUrl}/status`, json: "true" }),
  });
  collect(jar, res.headers);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) {
    throw new Error(
      `sign-in as the demo viewer failed (HTTP ${res.status}): is the app running with QUEUEREADY_DEMO=1?`,
    );
  }
  return header(jar);
}

function collect(jar: Map<string, string>, headers: Headers): void {
  for (const cookie of headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const eq = pair?.indexOf("=") ?? -1;
    if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}

function header(jar: Map<string, string>): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

export interface PageLoad {
  ms: number;
  bytes: number;
  /** How many of the expected target ids appear in the HTML (a paged table shows a page of them). */
  idsFound: number;
  /** Whole: see tools/bench/page-complete.ts; `problem` says why not. */
  complete: boolean;
  problem?: string;
}

/** One full page load; throws unless the answer is the status page itself (200, not a redirect). */
export async function loadStatusPage(
  appUrl: string,
  cookie: string,
  expectedIds: string[],
): Promise<PageLoad> {
  const started = performance.now();
  const res = await fetch(`${appUrl}/status?regions=all`, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200)
    throw new Error(`GET /status?regions=all answered ${res.status} ${res.headers.get("location") ?? ""}`);
  return { ms, bytes: Buffer.byteLength(html), ...checkPage(html, expectedIds) };
}
