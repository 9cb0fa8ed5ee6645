import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authConfigProblem, getAuthOptions } from "@/lib/web/auth/options";

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
  const response: Response = await NextAuth(req, context, getAuthOptions());
  return response;
}

export { handler as GET, handler as POST };
