/**
 * Keeps an audit of the whole estate running in the app while pages are timed: the status page's Refresh,
 * posted as the browser posts it (the server action's id from the build's manifest, the signed-in viewer's
 * cookie), again as soon as the last one answers. The app must allow back-to-back refreshes
 * (QUEUEREADY_REFRESH_MIN_AGE_SECONDS=0).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
}

/** The Refresh action's id in the production build in `.next`. */
export function refreshActionId(root = process.cwd()): string {
  const file = path.join(root, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(
    ([, e]) => e.filename === "lib/web/status/refresh-action.ts" && e.exportedName === "refreshAuditAction",
  );
  if (!found) throw new Error(`refreshAuditAction is not in ${file}`);
  return found[0];
}

export interface RefreshLoop {
  /** Stops posting and waits for the audit in progress; how many audits finished, and what went wrong. */
  stop(): Promise<{ audits: number; problems: string[] }>;
}

export function startRefreshLoop(url: string, cookie: string, actionId: string): RefreshLoop {
  let stopped = false;
  let audits = 0;
  const problems: string[] = [];
  const refresh = async () => {
    const res = await fetch(`${url}/status`, {
      method: "POST",
      headers: { cookie, origin: url, "next-action": actionId, "content-type": "text/plain;charset=UTF-8" },
      body: JSON.stringify([null, {}]),
    });
    const body = await res.text();
    if (body.includes("Audited just now")) audits++;
    else if (body.includes("already running")) await new Promise((r) => setTimeout(r, 100));
    else if (problems.length < 3) problems.push(`Refresh answered ${res.status}: ${body.slice(0, 200)}`);
  };
  const loop = (async () => {
    while (!stopped) await refresh().catch((err: Error) => problems.length < 3 && problems.push(err.message));
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { audits, problems };
    },
  };
}
