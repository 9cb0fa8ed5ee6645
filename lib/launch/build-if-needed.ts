import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** What goes into `next build`; tests, docs and the sandbox (run by tsx, not built) do not. */
const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = [
  "next.config.ts",
  "proxy.ts",
  "package.json",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];
const SKIP_DIRS = new Set(["node_modules", ".next", "sandbox", "testing", "launch", "bench", "cli"]);
const IGNORED = /\.(test|int\.test)\.tsx?$|\.md$/;

/** The newest modification time (ms) among the build's inputs under `root`. */
export function newestSourceMtime(root: string): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) visit(full);
      } else if (!IGNORED.test(entry.name)) {
        newest = Math.max(newest, statSync(full).mtimeMs);
      }
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(path.join(root, dir))) visit(path.join(root, dir));
  for (const file of SOURCE_FILES) {
    const full = path.join(root, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Why a build is needed, or null when `.next/BUILD_ID` is newer than every source. */
export function buildReason(root: string): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no production build yet";
  if (statSync(buildId).mtimeMs < newestSourceMtime(root)) return "sources changed since the last build";
  return null;
}

/** Runs `next build` when needed (output shown as it comes); rejects when the build fails. */
export async function buildIfNeeded(root: string, log: (line: string) => void = console.log): Promise<void> {
  const reason = buildReason(root);
  if (!reason) return;
  log(`Building QueueReady (${reason}); this takes about half a minute...`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["build"], {
      cwd: root,
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ?? `exit code ${code}`}).`)),
    );
  });
}
