import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { readFirstLoadJs } from "./first-load-js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fake project with `.next/static/chunks/{a,b,c}.js` of known content; returns the .next path. */
function fakeBuild(): { nextDir: string; gz: (name: string) => number } {
  const project = mkdtempSync(path.join(os.tmpdir(), "bench-flj-"));
  dirs.push(project);
  const chunks = path.join(project, ".next", "static", "chunks");
  mkdirSync(chunks, { recursive: true });
  const bodies: Record<string, string> = {
    a: "var framework=" + "'react'.repeat(40);".repeat(200),
    b: "export const page=1;",
    c: "console.log('status table'.repeat(30));",
  };
  for (const [name, body] of Object.entries(bodies)) writeFileSync(path.join(chunks, `${name}.js`), body);
  const gz = (name: string) => gzipSync(Buffer.from(bodies[name] ?? ""), { level: 9 }).length;
  return { nextDir: path.join(project, ".next"), gz };
}

describe("readFirstLoadJs", () => {
  it("sums each route's gzipped chunks from route-bundle-stats, counting a shared chunk once per route", () => {
    const { nextDir, gz } = fakeBuild();
    mkdirSync(path.join(nextDir, "diagnostics"));
    writeFileSync(
      path.join(nextDir, "diagnostics", "route-bundle-stats.json"),
      JSON.stringify([
        {
          route: "/status",
          firstLoadUncompressedJsBytes: 0,
          firstLoadChunkPaths: [
            ".next/static/chunks/a.js",
            ".next/static/chunks/c.js",
            ".next/static/chunks/a.js",
          ],
        },
        {
          route: "/_not-found",
          firstLoadUncompressedJsBytes: 0,
          firstLoadChunkPaths: [".next/static/chunks/a.js"],
        },
        {
          route: "/",
          firstLoadUncompressedJsBytes: 0,
          firstLoadChunkPaths: [".next/static/chunks/a.js", ".next/static/chunks/b.js"],
        },
      ]),
    );
    const result = readFirstLoadJs(nextDir);
    expect(result.source).toBe("diagnostics/route-bundle-stats.json");
    expect(result.routes.map((r) => [r.route, r.chunks, r.gzipBytes])).toEqual([
      ["/", 2, gz("a") + gz("b")],
      ["/status", 2, gz("a") + gz("c")],
    ]);
    expect(result.routes[0]?.gzipBytes).toBeLessThan(result.routes[0]?.rawBytes ?? 0);
  });

  it("falls back to the client reference manifests plus the root main files", () => {
    const { nextDir, gz } = fakeBuild();
    writeFileSync(
      path.join(nextDir, "build-manifest.json"),
      JSON.stringify({ rootMainFiles: ["static/chunks/a.js"] }),
    );
    const page = path.join(nextDir, "server", "app", "status");
    mkdirSync(page, { recursive: true });
    const manifest = {
      entryJSFiles: {
        "[project]/app/layout": ["static/chunks/a.js"],
        "[project]/app/status/page": ["static/chunks/c.js"],
      },
    };
    writeFileSync(
      path.join(page, "page_client-reference-manifest.js"),
      `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/status/page"] = ${JSON.stringify(manifest)};`,
    );
    expect(readFirstLoadJs(nextDir)).toEqual({
      source: "client reference manifests",
      routes: [{ route: "/status", chunks: 2, rawBytes: expect.any(Number), gzipBytes: gz("a") + gz("c") }],
    });
  });

  it("refuses a folder without any route", () => {
    const { nextDir } = fakeBuild();
    writeFileSync(path.join(nextDir, "build-manifest.json"), "{}");
    expect(() => readFirstLoadJs(nextDir)).toThrow(/no routes with client JavaScript/);
  });
});
