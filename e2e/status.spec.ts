import { expect, sandbox, storageState, test } from "./fixtures";

test.use({ storageState: storageState.viewer });

test.afterEach(async () => {
  await sandbox("/_sandbox/faults", { method: "DELETE" });
});

test("/ opens the status page of the default region", async ({ page, statusPage }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/status$/);
  await expect(statusPage.regions.getByRole("link", { name: "us-east-1" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(
    page.getByText("12 clusters (2 ready, 7 needs changes, 2 incompatible, 1 not applicable) · read at"),
  ).toBeVisible();
});

test("a denied read shows the IAM permission to grant, and what it covers is Unknown", async ({
  page,
  statusPage,
}) => {
  await sandbox("/_sandbox/faults", {
    method: "POST",
    body: { operation: "DescribeCacheClusters", kind: "access-denied" },
  });
  await statusPage.goto();
  const panel = page.getByRole("alert").filter({ hasText: "Missing AWS permission" });
  await expect(panel).toContainText("elasticache:DescribeCacheClusters");
  await expect(panel).not.toContainText(/\bat .*\.(ts|js):\d+/);
  // Replication groups still read fine: they are listed, and without their members the verdict is Unknown.
  expect(await statusPage.names()).toContain("orders-redis7");
  await expect(statusPage.row("orders-redis7")).toContainText("Unknown");
  await expect(page.getByRole("link", { name: "Unknown: 9", exact: true })).toBeVisible();
});

test("a throttled parameter read degrades only the clusters it covers to Unknown", async ({
  page,
  statusPage,
}) => {
  // The SDK's adaptive retries back off for several seconds before the read is given up as throttled.
  test.setTimeout(60_000);
  await sandbox("/_sandbox/faults", {
    method: "POST",
    body: { operation: "DescribeCacheParameters", kind: "throttle", region: "eu-west-1" },
  });
  await statusPage.goto("eu-west-1");
  await expect(
    page.getByText("AWS is throttling requests: the checks that need it are Unknown"),
  ).toBeVisible();
  // eu-jobs-valkey7's custom group could not be read; eu-orders is on a default group, which needs no read.
  await expect(statusPage.row("eu-jobs-valkey7")).toContainText("Unknown");
  await expect(statusPage.row("eu-orders")).toContainText("Needs changes");
  await expect(statusPage.row("eu-serverless")).toContainText("Incompatible");
});

test("an unconfigured region is named and the default shown", async ({ page, statusPage }) => {
  await statusPage.goto("ap-south-1");
  await expect(page.getByText("Region ap-south-1 is not configured")).toBeVisible();
  expect(await statusPage.names()).toContain("orders-redis7");
});
