import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
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

/** Where the last build's duration is kept, beside the build it timed. */
const BUILD_MS_FILE = path.join(".next", "queueready-build-ms");

/** `45 s`, `4 min 12 s`: how long a build took, as a person says it. */
export function durationText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const rest = seconds % 60;
  return `${Math.floor(seconds / 60)} min${rest ? ` ${rest} s` : ""}`;
}

/**
 * What the wait will be, measured, not hoped: the last build on this machine when one was timed, else what
 * the first build took on a 2-core machine (2 minutes on free cores, 4 min 12 s on one shared with other
 * work, December 2026).
 */
export function buildNotice(reason: string, lastBuildMs?: number): string {
  const wait =
    lastBuildMs !== undefined
      ? `the last build here took ${durationText(lastBuildMs)}`
      : "the first build takes 2 to 5 minutes on a 2-core machine";
  return `Building QueueReady (${reason}); ${wait}...`;
}

function lastBuildMs(root: string): number | undefined {
  try {
    const ms = Number(readFileSync(path.join(root, BUILD_MS_FILE), "utf8"));
    return Number.isFinite(ms) && ms > 0 ? ms : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `next build` when needed (output shown as it comes); rejects when the build fails. */
export async function buildIfNeeded(root: string, log: (line: string) => void = console.log): Promise<void> {
  const reason = buildReason(root);
  if (!reason) return;
  log(buildNotice(reason, lastBuildMs(root)));
  const started = Date.now();
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
  const took = Date.now() - started;
  log(`Built in ${durationText(took)}.`);
  writeFileSync(path.join(root, BUILD_MS_FILE), String(took));
}
