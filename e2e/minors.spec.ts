import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { expect, freshAudit, sandbox, storageState, test } from "./fixtures";
import { MANAGEMENT } from "./pages";
import { WIZARD_PAGES, widthProblems } from "./ui-checks";

// Issue 23's minor findings as a person meets them, at 1440 and 390 px wide, by keyboard where it matters
// (screenshots in test-results/screens/minors-*.png).
test.describe.configure({ timeout: 120_000 });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/minors-${name}.png`, fullPage: true });

const SIZES = [
  ["1440", { width: 1440, height: 900 }],
  ["390", { width: 390, height: 844 }],
] as const;

/** axe's WCAG 2 A/AA rules on one part of the page. */
async function axeProblems(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).withTags(["wcag2a", "wcag2aa"]).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(" ")}`));
}

test.describe("operator", () => {
  test.use({ storageState: storageState.operator });
  test.beforeEach(async () => {
    await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
  });

  test("the network step shows only the chosen option's fields, and the select shows whole names", async ({
    page,
  }) => {
    for (const [size, viewport] of SIZES) {
      await page.setViewportSize(viewport);
      await page.goto(WIZARD_PAGES.network);
      const select = page.getByLabel("Application security group");
      const cidr = page.getByLabel("CIDR", { exact: true });
      const ack = page.getByRole("checkbox", { name: /open the port to 0\.0\.0\.0\/0/ });
      const newName = page.getByLabel("Name of the new group");
      // The recommended source is the application's group: its select shows, the others' fields do not.
      await expect(select).toBeVisible();
      await expect(cidr).toBeHidden();
      await expect(ack).toBeHidden();
      await expect(newName).toBeHidden();
      // Whole option text (name and id) fits the select; why each group is offered is written beneath it.
      await expect(select.locator("option:checked")).toHaveText("orders-api (sg-0app000000000001)");
      const fits = await select.evaluate((el: HTMLSelectElement) => {
        const ctx = document.createElement("canvas").getContext("2d")!;
        const s = getComputedStyle(el);
        ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
        const text = ctx.measureText(el.selectedOptions[0]!.text).width;
        return text + parseFloat(s.paddingLeft) + parseFloat(s.paddingRight) <= el.clientWidth;
      });
      expect(fits, `the selected group's name is cut off at ${size} px`).toBe(true);
      await expect(page.locator("#srcGroup-why")).toContainText("orders-api");
      await shot(page, `network-${size}`);

      // Keyboard only: arrow through the source options; each shows its own field and hides the others.
      await page.getByRole("radio", { name: /The application's security group/ }).focus();
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("radio", { name: "An address range (CIDR)" })).toBeChecked();
      await expect(cidr).toBeVisible();
      await expect(select).toBeHidden();
      await page.keyboard.press("ArrowDown");
      await expect(ack).toBeVisible();
      await expect(cidr).toBeHidden();
      await page.getByRole("radio", { name: "A new security group" }).check();
      await expect(newName).toBeVisible();
      await shot(page, `network-anywhere-${size}`);
      expect(await widthProblems(page)).toMatchObject({ offscreen: [], cut: [] });
      expect(await axeProblems(page, "main form")).toEqual([]);
    }
  });

  test("the preview is compact and names security groups by name and id", async ({ page }) => {
    for (const [size, viewport] of SIZES) {
      await page.setViewportSize(viewport);
      await page.goto(WIZARD_PAGES.preview);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText("cache-prod (sg-0cache00000000001)").first()).toBeVisible();
      await expect(
        page.getByText(/from security group orders-api \(sg-0app000000000001\)/).first(),
      ).toBeVisible();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`preview height at ${size} px: ${height} px`);
      // It was 2,800-3,400 px with every step's JSON open (issue 23). Since then the plan gained the memory
      // alarm's step and orders-redis7, owned by a stack, shows the owner's notice, the fix as code and the
      // reason field: about 3,000 px with every step's details closed.
      if (size === "1440") expect(height).toBeLessThan(3200);
      await shot(page, `preview-${size}`);
    }
    // The exact parameters are one keypress away, and a keypress closes them again.
    await page.setViewportSize({ width: 1440, height: 900 });
    const details = page
      .locator("details")
      .filter({ hasText: "the exact parameters of ModifyReplicationGroup" });
    await expect(details.locator("pre")).toBeHidden();
    await details.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(details.locator("pre")).toContainText('"CacheParameterGroupName"');
    await page.keyboard.press("Enter");
    await expect(details.locator("pre")).toBeHidden();
  });

  const hasRedis = (() => {
    try {
      execFileSync("sh", ["-c", "command -v redis-server"]);
      return true;
    } catch {
      return false;
    }
  })();

  test("verify says each thing once, in the app's words and colours", async ({ page }) => {
    test.skip(!hasRedis, "redis-server is not on PATH: the e2e server runs no engines");
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/status/123456789012/us-east-1/replication-group/secure-redis7");
    const card = page.getByRole("region", { name: "Engine check" });
    await card.getByLabel(/AUTH token/).fill("definitely-not-the-token");
    await card.getByLabel(/AUTH token/).press("Enter");
    await expect(card.getByRole("status")).toHaveText("The AUTH token was refused. Check it and try again.");
    await expect(card).toContainText("Last checked");
    expect((await card.innerText()).match(/WRONGPASS/g)).toHaveLength(1);
    await expect(card).not.toContainText("see below");
    await expect(card.locator("time")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);

    await page.goto("/status/123456789012/us-east-1/replication-group/orders-redis7");
    const orders = page.getByRole("region", { name: "Engine check" });
    await orders.getByRole("button", { name: "Verify on the engine" }).click();
    await expect(orders.getByRole("status")).toHaveText(
      "Checked: the engine is not ready for BullMQ yet. What it said is above.",
    );
    const policy = orders.getByRole("row", { name: /Eviction policy/ });
    await expect(policy.getByRole("cell").first()).toHaveClass(/text-red-700/);
    await expect(policy).toContainText("fails BullMQ");
    for (const cell of await orders
      .getByRole("row", { name: /^Engine/ })
      .getByRole("cell")
      .all())
      await expect(cell).not.toHaveClass(/text-red/);
    await shot(page, "verify-not-ready-1440");
  });
});

test.describe("viewer", () => {
  test.use({ storageState: storageState.viewer });
  test.beforeAll(async ({ browser }) => freshAudit(browser));

  const card = (page: Page, name: string) =>
    page.getByRole("navigation", { name: "Verdict summary" }).getByRole("link", { name, exact: true });

  test("the summary cards follow the search", async ({ page }) => {
    await page.goto(`/status?account=${MANAGEMENT}&region=us-east-1`);
    await expect(card(page, "Needs changes: 8")).toBeVisible();
    await page.getByRole("searchbox", { name: "Search" }).fill("orders");
    await page.getByRole("searchbox", { name: "Search" }).press("Enter");
    await expect(page).toHaveURL(/q=orders/);
    await expect(card(page, "All matching: 1")).toBeVisible();
    await expect(card(page, "Needs changes: 1")).toBeVisible();
    await expect(card(page, "Ready: 0")).toBeVisible();
    await shot(page, "summary-search-1440");
  });

  const firstSeenCount = async (page: Page) =>
    Number(
      /\((\d+)\)/.exec(
        await page
          .getByRole("navigation", { name: "Which events" })
          .getByRole("link", { name: /^First seen/ })
          .innerText(),
      )![1],
    );

  test("/status/changes keeps first sightings apart, and pages", async ({ page }) => {
    for (const [size, viewport] of SIZES) {
      await page.setViewportSize(viewport);
      await page.goto("/status/changes");
      const tabs = page.getByRole("navigation", { name: "Which events" });
      await expect(tabs.getByRole("link", { name: /^Changes \(\d+\)$/ })).toHaveAttribute(
        "aria-current",
        "page",
      );
      const changes = page.getByRole("region", { name: "Changes" });
      await expect(changes.getByText("First seen, not ready")).toHaveCount(0);
      await tabs.getByRole("link", { name: /^First seen \((\d+)\)$/ }).click();
      await expect(page).toHaveURL(/\/status\/changes\?show=new$/);
      await expect(changes.getByText("First seen, not ready").first()).toBeVisible();
      // The seeded estate's first sightings fit one page of 50 (paging itself: recent-events.test.ts);
      // a page past the end says so and leads back.
      await expect(changes.locator("ol > li")).toHaveCount(await firstSeenCount(page));
      await shot(page, `changes-first-seen-${size}`);
      await page.goto("/status/changes?show=new&page=2");
      await expect(changes).toContainText("No events on this page.");
      const pages = page.getByRole("navigation", { name: "Pages" });
      await pages.getByRole("link", { name: "Previous" }).click();
      await expect(page).toHaveURL(/\/status\/changes\?show=new$/);
      await expect(changes.getByText("First seen, not ready").first()).toBeVisible();
      expect(await widthProblems(page)).toMatchObject({ offscreen: [], cut: [] });
      expect(await axeProblems(page, "main")).toEqual([]);
    }
  });
});
