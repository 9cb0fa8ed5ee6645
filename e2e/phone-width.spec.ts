import { expect, sandbox, storageState, test } from "./fixtures";
import { applyPreview } from "./apply";
import { WIZARD_PAGES, widthProblems } from "./ui-checks";

// Issue 9, item 14: every page usable on a 390 px phone. Before: pages 809–1083 px wide, Sign out off
// screen, stepper labels cut to "Ta… N…", buttons overflowing, detail values cut.
test.use({ storageState: storageState.operator, viewport: { width: 390, height: 844 } });
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async () => {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
});
// The last test applies a plan: leave the seeded account as the specs after this one expect it.
test.afterAll(async () => {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
});

const PAGES: [string, string, RegExp | string][] = [
  ["status", "/status", "Status"],
  ["detail", "/status/123456789012/us-east-1/replication-group/orders-redis7", "orders-redis7"],
  ...Object.entries(WIZARD_PAGES).map(([step, url]): [string, string, RegExp] => [
    `wizard ${step}`,
    url,
    /Make orders-redis7 ready/,
  ]),
  ["history", "/changes", "Changes"],
];

for (const [name, url, heading] of PAGES) {
  test(`${name} fits 390 px: no sideways scroll, Sign out on screen, nothing cut`, async ({ page }) => {
    await page.goto(url);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByTestId("page-loading")).toHaveCount(0);
    const signOut = page.getByRole("button", { name: "Sign out" });
    await expect(signOut).toBeInViewport({ ratio: 1 });
    expect(await widthProblems(page)).toEqual({ scrollWidth: 390, offscreen: [], cut: [] });
  });
}

test("the stepper's labels are whole words at 390 px", async ({ page }) => {
  await page.goto(WIZARD_PAGES.modification);
  const labels = page.getByRole("navigation", { name: "Wizard steps" }).getByRole("listitem");
  await expect(labels).toHaveText([
    "1Target",
    "2Network access",
    "3Parameter group",
    "4Cluster modification",
    "5Preview changes",
  ]);
  for (const label of await labels.all()) await expect(label).toBeInViewport({ ratio: 1 });
});

test("the detail page wraps the endpoint instead of cutting it", async ({ page }) => {
  await page.goto("/status/123456789012/us-east-1/replication-group/orders-redis7");
  const endpoint = page.getByText("orders-redis7.abc123.ng.0001.use1.cache.amazonaws.com:6379", {
    exact: true,
  });
  // Below the fold on a phone (the facts grew an owner section): scrolled to, it must be wholly visible.
  await endpoint.scrollIntoViewIfNeeded();
  await expect(endpoint).toBeInViewport({ ratio: 1 });
});

test("the progress page of an apply fits 390 px", async ({ page }) => {
  await page.goto(WIZARD_PAGES.preview);
  await applyPreview(page, { owned: true });
  await expect(page).toHaveURL(/\/changes\/[0-9a-z-]+$/);
  await expect(page.getByRole("heading", { name: "Readiness of orders-redis7: Ready" })).toBeVisible({
    timeout: 60_000,
  });
  expect(await widthProblems(page)).toEqual({ scrollWidth: 390, offscreen: [], cut: [] });
  await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport({ ratio: 1 });
});
