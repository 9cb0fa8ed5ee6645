import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, sandbox, storageState, test } from "./fixtures";
import { WIZARD_PAGES, widthProblems } from "./ui-checks";

// Every page as a person meets it, at a desktop and a phone width: a full-page picture, the page as a screen
// reader reads it (its accessibility tree) and the first stops of the Tab key, written to VIEWS_DIR (default
// test-results/views) for a person to look at; the run fails on sideways scroll or a first Tab that is not
// the skip link.
test.use({ storageState: storageState.operator });
test.describe.configure({ mode: "serial", timeout: 120_000 });

const DIR = process.env.VIEWS_DIR ?? "test-results/views";
const WIDTHS = [1440, 390] as const;
let runId = "";

test.beforeAll(async () => {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
  mkdirSync(DIR, { recursive: true });
});
test.afterAll(async () => {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
});

/** The first Tab stops: role, name and whether a focus ring is drawn (outline or box-shadow). */
async function tabStops(page: Page, count: number): Promise<string[]> {
  // Straight after the load, as a keyboard user starts: nothing clicked, so Tab begins at the top.
  const stops: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("Tab");
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return "(body)";
        const s = getComputedStyle(el);
        const ring =
          s.outlineStyle !== "none" && s.outlineWidth !== "0px"
            ? "ring"
            : s.boxShadow !== "none"
              ? "shadow"
              : "NO RING";
        const name = (el.getAttribute("aria-label") ?? el.textContent ?? (el as HTMLInputElement).value ?? "")
          .trim()
          .replace(/\s+/g, " ")
          .slice(0, 60);
        return `${el.tagName.toLowerCase()}${el.getAttribute("role") ? `[${el.getAttribute("role")}]` : ""} "${name}" ${ring}`;
      }),
    );
  }
  return stops;
}

async function record(page: Page, name: string, width: number): Promise<void> {
  await expect(page.getByTestId("page-loading")).toHaveCount(0);
  const base = path.join(DIR, `${name}-${width}`);
  await page.screenshot({ path: `${base}.png`, fullPage: true });
  writeFileSync(`${base}.aria.txt`, await page.locator("body").ariaSnapshot());
  const stops = await tabStops(page, 14);
  writeFileSync(`${base}.tabs.txt`, stops.join("\n"));
  expect(stops[0], "the first Tab stop").toMatch(/Skip to/);
  expect((await widthProblems(page)).scrollWidth).toBeLessThanOrEqual(width);
}

test("a finished run exists (an apply on standalone-redis, so orders-redis7's wizard still has work)", async ({
  page,
}) => {
  await page.goto(
    "/wizard/preview?region=us-east-1&kind=cache-cluster&id=standalone-redis&sg=new&sgName=queueready-standalone-redis" +
      "&src=cidr&cidr=10.1.0.0%2F16&pg=create&pgName=bullmq-standalone-redis",
  );
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Readiness of standalone-redis/ })).toBeVisible({
    timeout: 60_000,
  });
  runId = page.url().split("/changes/")[1]!;
});

for (const width of WIDTHS) {
  test(`every page at ${width} px`, async ({ page, browser }) => {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    const signedOut = await browser.newContext({
      storageState: { cookies: [], origins: [] },
      viewport: { width, height: 844 },
    });
    const anon = await signedOut.newPage();
    await anon.goto("/sign-in");
    await anon.screenshot({ path: path.join(DIR, `sign-in-${width}.png`), fullPage: true });
    writeFileSync(path.join(DIR, `sign-in-${width}.aria.txt`), await anon.locator("body").ariaSnapshot());
    await signedOut.close();

    const pages: [string, string][] = [
      ["status", "/status"],
      ["detail", "/status/123456789012/us-east-1/replication-group/orders-redis7"],
      ["status-changes", "/status/changes"],
      ...Object.entries(WIZARD_PAGES).map(([step, url]): [string, string] => [`wizard-${step}`, url]),
      ["run", `/changes/${runId}`],
      ["history", "/changes"],
      ["revert-preview", `/changes/${runId}/revert`],
    ];
    for (const [name, url] of pages) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await record(page, name, width);
    }
  });
}

test("a revert's run page and the history that links both ways, at both widths", async ({ page }) => {
  await page.goto(`/changes/${runId}/revert`);
  await page.getByRole("button", { name: "Revert", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Revert on standalone-redis", level: 1 })).toBeVisible();
  await expect(page.getByTestId("run-message")).toHaveText(/^Done: /, { timeout: 60_000 });
  const revertUrl = new URL(page.url()).pathname;
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, url] of [
      ["revert-run", revertUrl],
      ["history-with-revert", "/changes"],
    ] as const) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await record(page, name, width);
    }
  }
});
