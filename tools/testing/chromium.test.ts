import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHROMIUM_PATH_FILE, chromiumForConfig, findChromium } from "./chromium";

function fakeBrowser(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "qr-chromium-")), "chrome");
  writeFileSync(file, "#!/bin/sh\n", { mode: 0o755 });
  return file;
}

describe("findChromium", () => {
  it("prefers PLAYWRIGHT_CHROMIUM_PATH when it exists", () => {
    const browser = fakeBrowser();
    expect(findChromium({ PLAYWRIGHT_CHROMIUM_PATH: browser })).toBe(browser);
  });

  it("ignores a PLAYWRIGHT_CHROMIUM_PATH that does not exist", () => {
    expect(findChromium({ PLAYWRIGHT_CHROMIUM_PATH: "/nonexistent/chrome" })).not.toBe("/nonexistent/chrome");
  });
});

describe("chromiumForConfig", () => {
  it("uses the path ensure-chromium recorded while it still exists", () => {
    const root = mkdtempSync(path.join(tmpdir(), "qr-root-"));
    const browser = fakeBrowser();
    mkdirSync(path.join(root, ".queueready"));
    writeFileSync(path.join(root, CHROMIUM_PATH_FILE), `${browser}\n`);
    expect(chromiumForConfig(root)).toBe(browser);
  });
});
