import { expect, sandbox, storageState, test } from "./fixtures";
import { WIZARD_PAGES, contrastOf } from "./ui-checks";

// Issue 9, item 17 (the preview is a review page like the AWS console's) and item 18 (loading states).
test.use({ storageState: storageState.operator });
test.describe.configure({ timeout: 60_000 });

test.beforeEach(async () => {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
});
test.afterEach(async () => {
  await sandbox("/_sandbox/config", { method: "POST", body: { latencyMs: 0 } });
});

test("the review groups the plan by wizard step, each with an Edit link back to it", async ({ page }) => {
  await page.goto(WIZARD_PAGES.preview);
  const sections = [
    ["Step 1: Target", "target"],
    ["Step 2: Network access", "network"],
    ["Step 3: Parameter group", "parameter-group"],
    ["Step 4: Cluster modification", "modification"],
  ] as const;
  for (const [title, slug] of sections) {
    const section = page.getByRole("region", { name: title });
    await expect(section).toBeVisible();
    const edit = section.getByRole("link", { name: `Edit ${title.replace(/^Step \d: /, "")}` });
    await expect(edit).toHaveAttribute("href", new RegExp(`^/wizard/${slug}\\?.*id=orders-redis7`));
  }
  await expect(page.getByRole("region", { name: "Step 2: Network access" })).toContainText(
    "AuthorizeSecurityGroupIngress",
  );
  await expect(page.getByRole("region", { name: "Step 3: Parameter group" })).toContainText(
    "CreateCacheParameterGroup",
  );
  await expect(page.getByRole("region", { name: "Step 4: Cluster modification" })).toContainText(
    "ModifyReplicationGroup",
  );

  await page
    .getByRole("region", { name: "Step 3: Parameter group" })
    .getByRole("link", { name: "Edit" })
    .click();
  await expect(page).toHaveURL(/\/wizard\/parameter-group\?/);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("bullmq-redis7-noeviction");
});

test("Apply is the rightmost action, with Cancel beside it; no security change is not drawn as an error", async ({
  page,
}) => {
  await page.goto(WIZARD_PAGES.preview);
  // orders-redis7 belongs to the seeded orders-cache stack: its Apply is "Apply anyway" (with a reason).
  const apply = page.getByRole("button", { name: "Apply anyway", exact: true });
  const cancel = page.getByRole("link", { name: "Cancel" });
  await expect(cancel).toHaveAttribute(
    "href",
    "/status/123456789012/us-east-1/replication-group/orders-redis7",
  );
  const [a, c] = [await apply.boundingBox(), await cancel.boundingBox()];
  expect(a && c && a.x > c.x && Math.abs(a.y - c.y) < 8).toBe(true);
  const rightmost = await page.evaluate(() => {
    const buttons = [...document.querySelectorAll("main a, main button")].filter((e) => {
      const r = e.getBoundingClientRect();
      return (
        r.width > 0 &&
        Math.abs(
          r.top - document.querySelector("main form button[type=submit]")!.getBoundingClientRect().top,
        ) < 8
      );
    });
    return buttons.sort((x, y) => y.getBoundingClientRect().right - x.getBoundingClientRect().right)[0]
      ?.textContent;
  });
  expect(rightmost).toBe("Apply anyway");

  const security = page.getByRole("region", { name: "Security-sensitive changes" });
  await expect(security).toContainText("None: no security group or inbound rule changes.");
  const [heading] = await contrastOf(page, "#security-changes");
  const colours = await security.evaluate((el) => {
    const s = getComputedStyle(el);
    const h = getComputedStyle(el.querySelector("h2")!);
    return [s.borderTopColor, s.backgroundColor, h.color];
  });
  // Red is kept for real changes: with none, border, background and heading are the page's neutrals.
  const canvas = await page.evaluate((list) => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    return list.map((c) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
      return r! - Math.min(g!, b!);
    });
  }, colours);
  for (const redness of canvas) expect(redness).toBeLessThan(20);
  expect(heading!.ratio).toBeGreaterThanOrEqual(4.5);
});

test("the review of a change that opens a port keeps its security section loud", async ({ page }) => {
  await page.goto(
    WIZARD_PAGES.preview
      .replace("orders-redis7", "events-cluster")
      .replace("sg-0cache00000000001", "sg-0cache00000000003"),
  );
  const security = page.getByRole("region", { name: "Security-sensitive changes" });
  await expect(security).toHaveAttribute("data-tone", "changes");
});

test("slow AWS: a loading state shows at once, and a pending step button says so and is disabled", async ({
  page,
}) => {
  await page.goto(WIZARD_PAGES.network);
  await expect(page.getByRole("button", { name: "Continue to parameter group" })).toBeEnabled();
  await sandbox("/_sandbox/config", { method: "POST", body: { latencyMs: 400 } });
  const button = page.getByRole("button", { name: /Continue to parameter group|Checking live state/ });
  await button.click();
  await expect(button).toHaveAttribute("aria-busy", "true");
  await expect(button).toBeDisabled();
  await expect(button).toHaveText("Checking live state…");
  // Announced once, through the button's polite live region.
  await expect(page.locator("[aria-live=polite]").filter({ hasText: "Checking live state…" })).toHaveCount(1);
  // The next step's own page is read live too: its loading state comes before its content.
  await expect(page.getByTestId("page-loading")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Checking the live account…" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Create a new parameter group/ })).toBeVisible({
    timeout: 30_000,
  });

  // The status page reads the stored audit (no live read), so its loading state may not show at all.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Status" }).click();
  await expect(page.getByRole("table").first()).toBeVisible({ timeout: 30_000 });
});
