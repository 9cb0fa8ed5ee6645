import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DemoUsers } from "@/components/auth/demo-users";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Brand } from "@/components/layout/brand";
import { Notice } from "@/components/ui/notice";
import { safeCallbackPath, signInErrorMessage } from "@/lib/web/auth/callback-url";
import { oidcSettingsFromEnv } from "@/lib/web/auth/oidc";
import { authConfigProblem } from "@/lib/web/auth/options";
import { getFormCsrfToken, getSessionUser } from "@/lib/web/auth/session";
import { isDemoMode } from "@/lib/web/auth/users";
import { isDatabaseUnavailable } from "@/lib/web/http/unavailable";

export const metadata: Metadata = { title: "Sign in" };

type Search = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl, process.env.NEXTAUTH_URL?.replace(/\/+$/, ""));
  const problem = authConfigProblem();
  // During a database outage the session cannot be checked: show the form, keep the cookie.
  const signedIn = problem
    ? null
    : await getSessionUser().catch((err: unknown) => {
        if (isDatabaseUnavailable(err)) return null;
        throw err;
      });
  if (signedIn) redirect(callbackPath);
  const errorCode = typeof params.error === "string" ? params.error : null;
  const oidc = problem ? null : oidcSettingsFromEnv(process.env);
  const csrfToken = problem ? null : await getFormCsrfToken();

  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Brand size="lg" />
          <h1 className="mt-6 text-xl font-semibold tracking-tight text-slate-900">Sign in to QueueReady</h1>
          <p className="mt-1 text-[13px] text-slate-500">Audit and fix ElastiCache for BullMQ.</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          {problem ? (
            <Notice tone="error" title="Sign-in is not configured">
              {problem}
            </Notice>
          ) : (
            <SignInForm
              callbackPath={callbackPath}
              csrfToken={csrfToken}
              oidcLabel={oidc?.label}
              initialError={signInErrorMessage(errorCode)}
            />
          )}
        </div>
        {isDemoMode(process.env) && !problem ? (
          <div className="mt-5">
            <DemoUsers />
          </div>
        ) : null}
      </div>
    </main>
  );
}
