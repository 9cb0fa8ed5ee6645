import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** A server action of the built app, and a page URL that serves it. */
export interface BuiltAction {
  id: string;
  name: string;
  url: string;
}

/** `app/(dashboard)/wizard/[step]/page` -> `/wizard/x`: route groups dropped, dynamic segments filled in. */
function pageUrl(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => (/^\[.*\]$/.test(s) ? "x" : s));
  return `/${segments.join("/")}`;
}

/**
 * Every server action in the production build, read from Next's manifest: the test then covers actions
 * added later without being edited. Empty before the first build: Playwright lists tests before its
 * webServer builds, and the "has server actions" test then fails in the worker if there still are none.
 */
export function builtActions(root = path.join(__dirname, "..")): BuiltAction[] {
  const file = path.join(root, ".next", "server", "server-reference-manifest.json");
  if (!existsSync(file)) return [];
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node?: Record<string, { exportedName?: string; workers?: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node ?? {}).flatMap(([id, entry]) => {
    const worker = Object.keys(entry.workers ?? {}).find((w) => w.endsWith("/page"));
    return worker ? [{ id, name: entry.exportedName ?? id, url: pageUrl(worker) }] : [];
  });
}

/** The headers a browser sends with a server action call (React's reply encoding of plain JSON). */
export function actionHeaders(id: string, origin: string): Record<string, string> {
  return {
    "Next-Action": id,
    Origin: origin,
    Accept: "text/x-component",
    "Content-Type": "text/plain;charset=UTF-8",
  };
}
