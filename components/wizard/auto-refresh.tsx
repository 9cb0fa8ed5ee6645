"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the server page every `intervalMs` while `active`: the progress lives in the server's store,
 * so a refresh (or a reload) always shows the run as it is. Stops by itself once the run has finished.
 */
export function AutoRefresh({ active, intervalMs = 1000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return active ? (
    <p className="text-xs text-slate-500" aria-hidden>
      Updating every second…
    </p>
  ) : null;
}
