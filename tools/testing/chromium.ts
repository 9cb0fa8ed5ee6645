import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** Where ensure-chromium records its choice and playwright.config.ts reads it. */
export const CHROMIUM_PATH_FILE = path.join(".queueready", "chromium-path");

/** The flags a system Chromium needs here: headless, no sandbox (root in CI), no network chatter. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

function onPath(name: string): string | null {
  try {
    const found = execFileSync("sh", ["-c", `command -v ${name}`], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return found || null;
  } catch {
    return null;
  }
}

/** Playwright's own Chromium, when `playwright install` has put one in its cache. */
function playwrightsOwn(): string | null {
  try {
    // Loaded lazily: playwright-core is a dev dependency and this file is also read by the config.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require("playwright-core") as { chromium: { executablePath(): string } };
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/**
 * The first Chromium found: PLAYWRIGHT_CHROMIUM_PATH, Debian's /usr/bin/chromium, chromium-browser,
 * google-chrome on PATH, then Playwright's own. Null when there is none.
 */
export function findChromium(env: Record<string, string | undefined> = process.env): string | null {
  const explicit = env.PLAYWRIGHT_CHROMIUM_PATH;
  if (explicit && existsSync(explicit)) return explicit;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    const found = onPath(name);
    if (found) return found;
  }
  return playwrightsOwn();
}

/** The path recorded by ensure-chromium if it still exists, else a fresh search. */
export function chromiumForConfig(root: string): string | null {
  const file = path.join(root, CHROMIUM_PATH_FILE);
  if (existsSync(file)) {
    const recorded = readFileSync(file, "utf8").trim();
    if (recorded && existsSync(recorded)) return recorded;
  }
  return findChromium();
}
