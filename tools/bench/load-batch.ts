/**
 * One batch of timed status-page loads: the users load `GET /status?regions=all` at the same time until
 * `loads` are done; each load is timed to its last streamed byte and checked complete.
 */
import { cpuTimeMs, type AppServer } from "./app-server";
import { loadFigures, type LoadFigures } from "./load-stats";
import { checkPage } from "./page-complete";

export interface LoadUser {
  app: AppServer;
  cookie: string;
}

export interface BatchResult extends LoadFigures {
  wallMs: number;
  complete: number;
  /** The first few incomplete or failed loads, with why. */
  problems: string[];
  /** Server CPU time (user + system) per timed load, all replicas together. */
  serverCpuMsPerLoad: number;
}

export async function loadPage(url: string, cookie: string): Promise<{ ms: number; html: string }> {
  const started = performance.now();
  const res = await fetch(`${url}/status?regions=all`, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`answered ${res.status} ${res.headers.get("location") ?? ""}`);
  return { ms, html };
}

export async function loadBatch(users: LoadUser[], loads: number, ids: string[]): Promise<BatchResult> {
  const apps = [...new Set(users.map((u) => u.app))];
  const timed: number[] = [];
  const problems: string[] = [];
  let complete = 0;
  let next = 0;
  const cpuBefore = apps.reduce((sum, a) => sum + cpuTimeMs(a.pid), 0);
  const started = performance.now();
  await Promise.all(
    users.map(async (u) => {
      while (next < loads) {
        const n = ++next;
        try {
          const page = await loadPage(u.app.url, u.cookie);
          timed.push(page.ms);
          const check = checkPage(page.html, ids);
          if (check.complete) complete++;
          else if (problems.length < 5) problems.push(`load ${n}: ${check.problem}`);
        } catch (err) {
          if (problems.length < 5) problems.push(`load ${n}: ${(err as Error).message}`);
        }
      }
    }),
  );
  const wallMs = performance.now() - started;
  const cpuMs = apps.reduce((sum, a) => sum + cpuTimeMs(a.pid), 0) - cpuBefore;
  return { ...loadFigures(timed), wallMs, complete, problems, serverCpuMsPerLoad: cpuMs / loads };
}
