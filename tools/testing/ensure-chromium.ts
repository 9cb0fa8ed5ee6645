/**
 * Makes sure a Chromium exists for Playwright before `playwright test`, and records its path in
 * .queueready/chromium-path. Order: one already installed; Playwright's download (only where the
 * network allows it: it fails fast here); as root, Debian's `chromium` package. Says what it does.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CHROMIUM_PATH_FILE, findChromium } from "./chromium";

function run(command: string, args: string[], timeoutMs: number): boolean {
  console.log(`ensure-chromium: running ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    timeout: timeoutMs,
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

function record(found: string): void {
  const file = path.join(process.cwd(), CHROMIUM_PATH_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${found}\n`);
  console.log(`ensure-chromium: using ${found}`);
}

function main(): void {
  let found = findChromium();
  if (found) return record(found);

  console.log("ensure-chromium: no Chromium found; trying Playwright's own download.");
  run(path.join("node_modules", ".bin", "playwright"), ["install", "chromium"], 120_000);
  found = findChromium();
  if (found) return record(found);

  if (process.getuid?.() === 0) {
    console.log("ensure-chromium: installing Debian's chromium package with apt-get (running as root).");
    run("apt-get", ["update", "-qq"], 300_000);
    run("apt-get", ["install", "-y", "-qq", "chromium"], 600_000);
    found = findChromium();
    if (found) return record(found);
  }

  console.error(
    "ensure-chromium: no Chromium available. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) " +
      "or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium or Chrome binary.",
  );
  process.exit(1);
}

main();
