"use client";

import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/adapters/db/availability";
import { UNAVAILABLE_MESSAGE } from "@/lib/web/http/unavailable";

/**
 * The last resort for errors nobody expected. Next hides server error messages in production (only a
 * digest reaches the browser), which is right: the digest matches the server log line.
 */
export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  if (error.digest === DATABASE_UNAVAILABLE_DIGEST)
    return (
      <main className="mx-auto max-w-xl px-6 py-20">
        <Notice tone="error" title="QueueReady is temporarily unavailable">
          <p>{UNAVAILABLE_MESSAGE}</p>
        </Notice>
        <div className="mt-6">
          <button type="button" onClick={reset} className={buttonClasses("primary")}>
            Try again
          </button>
        </div>
      </main>
    );
  return (
    <main className="mx-auto max-w-xl px-6 py-20">
      <Notice tone="error" title="Something went wrong on our side">
        <p>
          QueueReady hit an unexpected error and did not finish this page. Nothing was changed in your AWS
          account by this error.
        </p>
        {error.digest ? (
          <p className="mt-2">
            Reference for the server log: <code className="font-mono">{error.digest}</code>
          </p>
        ) : null}
      </Notice>
      <div className="mt-6 flex gap-3">
        <button type="button" onClick={reset} className={buttonClasses("primary")}>
          Try again
        </button>
        {/* A full page load on purpose: after an unexpected error the client state is not to be trusted. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/status" className={buttonClasses("secondary")}>
          Back to status
        </a>
      </div>
    </main>
  );
}
