import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authConfigProblem, getAuthOptions, getRevocations } from "@/lib/web/auth/options";
import { recordSignOut } from "@/lib/web/auth/sign-out";
import { authBodyProblem } from "@/lib/web/auth/auth-body";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's routes, behind a configuration check: without it a missing secret or a broken users
 * file shows up as a bare 500; with it the response (and the log) says what to set.
 */
async function handler(req: NextRequest, context: RouteContext): Promise<Response> {
  const problem = authConfigProblem();
  if (problem) {
    console.error(`[queueready] sign-in is not configured: ${problem}`);
    return new Response(`QueueReady is not configured for sign-in. ${problem}\n`, {
      status: 500,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const malformed = await authBodyProblem(req);
  if (malformed)
    return new Response(`${malformed}\n`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  const options = getAuthOptions();
  if (req.method === "POST" && (await context.params).nextauth.join("/") === "signout") {
    const refused = await recordSignOut(req, String(options.secret), getRevocations());
    if (refused) return refused;
  }
  const response: Response = await NextAuth(req, context, options);
  return response;
}

export { handler as GET, handler as POST };
