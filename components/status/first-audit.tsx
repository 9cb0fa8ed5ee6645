"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Shown until the first audit is stored: says so, and reloads the page's data every few seconds so the
 * results appear without a click.
 */
export function FirstAudit({ since }: { since?: string }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <div
      role="status"
      aria-live="polite"
      aria-busy="true"
      className="rounded-lg border border-sky-200 bg-sky-50 px-4 py-6 text-sky-900"
    >
      <p className="text-sm font-semibold">The first audit is running</p>
      <p className="mt-1 text-[13px]">
        QueueReady is reading every account and region{since ? ` (started at ${since})` : ""}. This page shows
        the results as soon as they are stored.
      </p>
    </div>
  );
}
