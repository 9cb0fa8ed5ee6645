import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

/** The JavaScript a browser downloads before a route is interactive, as the production build ships it. */
export interface RouteJs {
  route: string;
  chunks: number;
  rawBytes: number;
  /** Each chunk gzipped on its own (level 9, as the old `next build` size column did), summed. */
  gzipBytes: number;
}

export interface FirstLoadJs {
  /** Which build file the chunk lists came from. */
  source: string;
  routes: RouteJs[];
}

interface RouteBundleStat {
  route: string;
  firstLoadChunkPaths: string[];
}

/**
 * Reads a built `.next` folder. Next 16 (Turbopack) writes each route's first-load chunks to
 * `diagnostics/route-bundle-stats.json`; older layouts are read from the per-page client reference
 * manifests (`entryJSFiles`) plus `build-manifest.json`'s `rootMainFiles`, the same union.
 */
export function readFirstLoadJs(nextDir: string): FirstLoadJs {
  const stats = path.join(nextDir, "diagnostics", "route-bundle-stats.json");
  const lists = existsSync(stats) ? fromRouteStats(nextDir, stats) : fromClientManifests(nextDir);
  const source = existsSync(stats) ? "diagnostics/route-bundle-stats.json" : "client reference manifests";
  const routes = lists
    .filter((r) => !r.route.startsWith("/_"))
    .map((r) => measure(r.route, r.files))
    .sort((a, b) => a.route.localeCompare(b.route));
  if (routes.length === 0)
    throw new Error(`no routes with client JavaScript found in ${nextDir}: is it a complete build?`);
  return { source, routes };
}

function fromRouteStats(nextDir: string, file: string): { route: string; files: string[] }[] {
  const stats = JSON.parse(readFileSync(file, "utf8")) as RouteBundleStat[];
  // Paths are written relative to the project folder (".next/static/chunks/x.js").
  const projectDir = path.dirname(path.resolve(nextDir));
  return stats.map((s) => ({
    route: s.route,
    files: s.firstLoadChunkPaths.map((p) => (path.isAbsolute(p) ? p : path.join(projectDir, p))),
  }));
}

function fromClientManifests(nextDir: string): { route: string; files: string[] }[] {
  const build = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles?: string[];
  };
  const root = (build.rootMainFiles ?? []).map((f) => path.join(nextDir, f));
  const appDir = path.join(nextDir, "server", "app");
  return manifestFiles(appDir).map((file) => {
    // The manifest is a script assigning globalThis.__RSC_MANIFEST[page]: run it in an empty context.
    const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
    vm.runInNewContext(readFileSync(file, "utf8").replaceAll("globalThis.", "this."), sandbox);
    const [page, manifest] = Object.entries(sandbox.__RSC_MANIFEST ?? {})[0] ?? ["", {}];
    const entries = Object.values(manifest.entryJSFiles ?? {})
      .flat()
      .map((f) => path.join(nextDir, f));
    return { route: page.replace(/\/page$/, "") || "/", files: [...root, ...entries] };
  });
}

function manifestFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name === "page_client-reference-manifest.js")
    .map((e) => path.join(e.parentPath, e.name));
}

function measure(route: string, files: string[]): RouteJs {
  const unique = [...new Set(files)];
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of unique) {
    const body = readFileSync(file);
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { route, chunks: unique.length, rawBytes, gzipBytes };
}
