import AxeBuilder from "@axe-core/playwright";
import { expect, sandbox, storageState, test } from "./fixtures";
import { WIZARD_PAGES, contrastOf } from "./ui-checks";

// Issue 9, item 20: a skip link, focus on the error summary after a refused step, one message per error,
// and AA contrast (step labels were 2.5:1, rule ids 2.6:1).
test.use({ storageState: storageState.operator });

test.beforeEach(async () => {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
});

test("the first Tab reaches a skip link that moves focus to the main content", async ({ page }) => {
  await page.goto("/status");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  // The next Tab continues inside the main content, past the header.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
});

test("a refused step moves focus to the error summary, and each error shows once beside its field", async ({
  page,
}) => {
  await page.goto(WIZARD_PAGES["parameter-group"]);
  const name = page.getByLabel("Name", { exact: true });
  await name.fill("bad name!");
  await name.press("Enter");
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("There is a problem");
  const message = await summary.getByRole("listitem").innerText();
  // One inline message per error (the group-name error used to show twice) and one element per error id.
  await expect(page.locator("form p").filter({ hasText: message })).toHaveCount(1);
  expect(await page.locator('[id="pgName-error"]').count()).toBe(1);
  await expect(name).toHaveAttribute("aria-invalid", "true");
  // The summary's link takes the keyboard to the field.
  await summary.getByRole("link", { name: message }).click();
  await expect(name).toBeFocused();
});

test("step labels and rule ids reach 4.5:1 contrast", async ({ page }) => {
  await page.goto(WIZARD_PAGES.network);
  const steps = await contrastOf(page, '[aria-label="Wizard steps"] li > *');
  expect(steps).toHaveLength(5);
  for (const s of steps) expect(s.ratio, s.text).toBeGreaterThanOrEqual(4.5);

  await page.goto("/status/123456789012/us-east-1/replication-group/orders-redis7");
  await page.getByText(/checks? passed/).click();
  const ruleIds = await contrastOf(page, "article header code");
  expect(ruleIds.length).toBeGreaterThan(3);
  for (const r of ruleIds) expect(r.ratio, r.text).toBeGreaterThanOrEqual(4.5);
});

for (const [name, url] of [
  ["status", "/status"],
  ["detail", "/status/123456789012/us-east-1/replication-group/orders-redis7"],
  ["wizard network", WIZARD_PAGES.network],
  ["wizard parameter group", WIZARD_PAGES["parameter-group"]],
  ["preview", WIZARD_PAGES.preview],
  ["history", "/changes"],
] as const) {
  test(`axe finds no WCAG 2 AA colour-contrast problem on ${name}`, async ({ page }) => {
    await page.goto(url);
    await expect(page.getByTestId("page-loading")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const result = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
    expect(
      result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`)),
    ).toEqual([]);
  });
}
