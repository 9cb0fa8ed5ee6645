"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { postAuthForm } from "@/components/auth/auth-post";
import { Button } from "@/components/ui/button";
import { signInErrorMessage } from "@/lib/web/auth/callback-url";

export interface SignInFormProps {
  callbackPath: string;
  /** next-auth's CSRF token for this browser, read from its cookie on the server; null before the first visit to an auth route. */
  csrfToken: string | null;
  /** The OIDC button's words when single sign-on is configured. */
  oidcLabel?: string;
  /** An error carried in the URL by next-auth (a form posted without JavaScript, an OIDC round trip). */
  initialError?: string | null;
}

const inputClasses =
  "block h-9 w-full rounded-md border-0 bg-white px-3 text-sm text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 " +
  "placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-red-400";

/**
 * Username and password, posted to next-auth's credentials callback. A plain HTML form underneath, so it
 * works without JavaScript (next-auth redirects back here with `?error=`); with JavaScript it posts in the
 * background and shows the error in place, without next-auth's client library.
 */
export function SignInForm({ callbackPath, csrfToken, oidcLabel, initialError = null }: SignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await postAuthForm(event.currentTarget);
    if (!result.error) {
      router.replace(callbackPath);
      router.refresh();
      return;
    }
    setPending(false);
    setError(signInErrorMessage(result.error));
  }

  async function onSingleSignOn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await postAuthForm(event.currentTarget);
    // The identity provider is another origin: navigate there rather than follow a form redirect.
    if (result.error) setError(signInErrorMessage(result.error));
    else window.location.assign(result.url);
  }

  const hidden = (
    <>
      <input type="hidden" name="csrfToken" value={csrfToken ?? ""} />
      <input type="hidden" name="callbackUrl" value={callbackPath} />
    </>
  );
  return (
    <div className="space-y-5">
      <form
        method="post"
        action="/api/auth/callback/credentials"
        onSubmit={onSubmit}
        className="space-y-4"
        noValidate
      >
        {hidden}
        <div>
          <label htmlFor="username" className="block text-[13px] font-medium text-slate-700">
            Username
          </label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            required
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "sign-in-error" : undefined}
            className={`mt-1.5 ${inputClasses}`}
          />
        </div>
        <div>
          <label htmlFor="password" className="block text-[13px] font-medium text-slate-700">
            Password
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "sign-in-error" : undefined}
            className={`mt-1.5 ${inputClasses}`}
          />
        </div>
        <div aria-live="polite" className="min-h-0">
          {error ? (
            <p
              id="sign-in-error"
              role="alert"
              className="rounded-md bg-red-50 px-3 py-2 text-[13px] text-red-800 ring-1 ring-inset ring-red-200"
            >
              {error}
            </p>
          ) : null}
        </div>
        <Button type="submit" className="w-full" disabled={pending} aria-disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {oidcLabel ? (
        <form method="post" action="/api/auth/signin/oidc" onSubmit={onSingleSignOn} className="space-y-5">
          {hidden}
          <div className="flex items-center gap-3 text-xs text-slate-500">
            <span className="h-px flex-1 bg-slate-200" />
            or
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <Button type="submit" variant="secondary" className="w-full">
            {oidcLabel}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
