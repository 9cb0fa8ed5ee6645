/**
 * Timed status-page loads: the users load `GET /status?regions=all` at the same time until `loads` are
 * done, in `bursts` bursts one after another. Each load is timed to its last streamed byte, classed by
 * what it came back as (tools/bench/load-outcome.ts) and, when served, checked complete; the servers'
 * resident memory is read before the first burst and after each.
 */
import { cpuTimeMs, currentRss, type AppServer } from "./app-server";
import { noOutcomes, outcomeOf, type OutcomeCounts } from "./load-outcome";
import { loadFigures, type LoadFigures } from "./load-stats";
import { checkPage } from "./page-complete";

export interface LoadUser {
  app: AppServer;
  cookie: string;
}

export interface BatchResult extends LoadFigures {
  wallMs: number;
  complete: number;
  /** Every timed load by what it came back as (all bursts). */
  outcomes: OutcomeCounts;
  /** The first few incomplete or failed loads, with why. */
  problems: string[];
  /** Server CPU time (user + system) per timed load, all replicas together. */
  serverCpuMsPerLoad: number;
  /** All replicas' resident memory before the first burst, and right after each. */
  rssBeforeBytes: number;
  rssAfterBurstBytes: number[];
}

export interface PageLoad {
  ms: number;
  html: string;
  /** 0: no answer at all (`html` then says why). */
  status: number;
  location: string | null;
}

/** One load, whatever it answers. */
export async function attemptPage(url: string, cookie: string): Promise<PageLoad> {
  const started = performance.now();
  try {
    const res = await fetch(`${url}/status?regions=all`, {
      headers: { cookie, accept: "text/html" },
      redirect: "manual",
    });
    const html = await res.text();
    return {
      ms: performance.now() - started,
      html,
      status: res.status,
      location: res.headers.get("location"),
    };
  } catch (err) {
    return { ms: performance.now() - started, html: String(err), status: 0, location: null };
  }
}

/** One load that must be served (the warm-up): throws on any other answer. */
export async function loadPage(url: string, cookie: string): Promise<PageLoad> {
  const page = await attemptPage(url, cookie);
  if (page.status !== 200)
    throw new Error(`answered ${page.status} ${page.location ?? page.html.slice(0, 120)}`);
  return page;
}

/** `fn` over `items`, `limit` at a time (signing 200 users in at once would only measure bcrypt). */
export async function inBatches<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += limit)
    out.push(...(await Promise.all(items.slice(i, i + limit).map(fn))));
  return out;
}

export async function loadBatch(
  users: LoadUser[],
  ids: string[],
  { loads, bursts = 1 }: { loads: number; bursts?: number },
  log: (line: string) => void = () => {},
): Promise<BatchResult> {
  const apps = [...new Set(users.map((u) => u.app))];
  const rssOfAll = () => apps.reduce((sum, a) => sum + currentRss(a.pid), 0);
  const timed: number[] = [];
  const problems: string[] = [];
  const outcomes = noOutcomes();
  const rssBeforeBytes = rssOfAll();
  const rssAfterBurstBytes: number[] = [];
  const cpuBefore = apps.reduce((sum, a) => sum + cpuTimeMs(a.pid), 0);
  const started = performance.now();
  for (let burst = 1; burst <= bursts; burst++) {
    const where = (n: number) => (bursts > 1 ? `burst ${burst} load ${n}` : `load ${n}`);
    let next = 0;
    await Promise.all(
      users.map(async (u) => {
        while (next < loads) {
          const n = ++next;
          const page = await attemptPage(u.app.url, u.cookie);
          timed.push(page.ms);
          const check = page.status === 200 ? checkPage(page.html, ids) : undefined;
          const outcome = outcomeOf(page.status, page.location, check?.complete ?? false);
          outcomes[outcome]++;
          if (outcome !== "complete" && problems.length < 5) {
            const answered = `answered ${page.status} ${page.location ?? page.html.slice(0, 120)}`;
            problems.push(`${where(n)}: ${check?.problem ?? answered}`);
          }
        }
      }),
    );
    rssAfterBurstBytes.push(rssOfAll());
    if (bursts > 1) log(`  burst ${burst}: RSS ${Math.round(rssAfterBurstBytes.at(-1)! / 2 ** 20)} MB`);
  }
  const wallMs = performance.now() - started;
  const cpuMs = apps.reduce((sum, a) => sum + cpuTimeMs(a.pid), 0) - cpuBefore;
  return {
    ...loadFigures(timed),
    wallMs,
    complete: outcomes.complete,
    outcomes,
    problems,
    serverCpuMsPerLoad: cpuMs / (loads * bursts),
    rssBeforeBytes,
    rssAfterBurstBytes,
  };
}
