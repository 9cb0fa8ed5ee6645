import { expect, sandbox, storageState, test } from "./fixtures";

test.use({ storageState: storageState.viewer });

test.afterEach(async () => {
  await sandbox("/_sandbox/faults", { method: "DELETE" });
});

test("/ opens the status page of the default region", async ({ page, statusPage }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/status$/);
  await expect(statusPage.regions.getByRole("link", { name: "us-east-1" })).toHaveAttribute("aria-current", "page");
  await expect(statusPage.row("orders-redis7")).toBeVisible();
});

test("a denied read shows the IAM permission to grant instead of the table part it affects", async ({ page, statusPage }) => {
  await sandbox("/_sandbox/faults", { method: "POST", body: { operation: "DescribeCacheClusters", kind: "access-denied" } });
  await statusPage.goto();
  // Whatever the panel's wording, it names the permission to grant.
  const panel = page.getByRole("alert").filter({ hasText: "elasticache:DescribeCacheClusters" }).first();
  await expect(panel).toBeVisible();
  await expect(panel).not.toContainText(/\bat .*\.(ts|js):\d+/);
  // Replication groups still read fine: they are listed, without member details.
  expect(await statusPage.names()).toContain("orders-redis7");
});

test("an unconfigured region is named and the default shown", async ({ page, statusPage }) => {
  await statusPage.goto("ap-south-1");
  await expect(page.getByText("Region ap-south-1 is not configured")).toBeVisible();
  expect(await statusPage.names()).toContain("orders-redis7");
});

test("a viewer sent to an operator-only place is told which role it needs", async ({ page }) => {
  await page.goto("/forbidden?need=operator");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText("This needs the operator role")).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("viewer");
});
