import { expect, freshAudit, sandbox, storageState, test } from "./fixtures";
import { MANAGEMENT } from "./pages";
import { parseCsv } from "../tools/testing/csv";

test.use({ storageState: storageState.viewer });
test.beforeAll(async ({ browser }) => freshAudit(browser));

// Faults change what the next audit stores: clear them and store a clean audit again after each test.
test.afterEach(async ({ statusPage }) => {
  await sandbox("/_sandbox/faults", { method: "DELETE" });
  await statusPage.goto();
  await statusPage.refresh();
});

test("/ opens the status page: the stored audit's age, and the management account's clusters", async ({
  page,
  statusPage,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/status$/);
  await expect(page.getByText(/^Audited (just now|\d+ min ago), took \d+(\.\d)? s$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Changed in the last 24 h" })).toHaveAttribute(
    "href",
    "/status/changes",
  );
  await statusPage.gotoRegion("us-east-1");
  await expect(
    page.getByRole("region", { name: new RegExp(`^Account .* \\(${MANAGEMENT}\\)$`) }),
  ).toContainText("15 clusters (4 ready, 8 needs changes, 2 incompatible, 1 not applicable)");
});

test("a denied read shows the IAM permission to grant, and what it covers is Unknown", async ({
  page,
  statusPage,
}) => {
  await sandbox("/_sandbox/faults", {
    method: "POST",
    body: { operation: "DescribeCacheClusters", kind: "access-denied" },
  });
  await statusPage.gotoRegion("us-east-1");
  await statusPage.refresh();
  const panel = page.getByRole("alert").filter({ hasText: "Missing AWS permission" });
  await expect(panel.first()).toContainText("elasticache:DescribeCacheClusters");
  await expect(panel.first()).not.toContainText(/\bat .*\.(ts|js):\d+/);
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
  test.setTimeout(90_000);
  await sandbox("/_sandbox/faults", {
    method: "POST",
    body: { operation: "DescribeCacheParameters", kind: "throttle", region: "eu-west-1" },
  });
  await statusPage.gotoRegion("eu-west-1");
  await statusPage.refresh();
  await expect(
    page.getByText("AWS is throttling requests: the checks that need it in eu-west-1 are Unknown").first(),
  ).toBeVisible();
  // eu-jobs-valkey7's custom group could not be read; eu-orders is on a default group, which needs no read.
  await expect(statusPage.row("eu-jobs-valkey7")).toContainText("Unknown");
  await expect(statusPage.row("eu-orders")).toContainText("Needs changes");
  await expect(statusPage.row("eu-serverless")).toContainText("Incompatible");
});

test("a filter value that is not valid is ignored, not an error", async ({ page, statusPage }) => {
  await statusPage.goto("?region=../../etc&verdict=bogus&page=-3");
  expect(await statusPage.names()).toContain("orders-redis7");
  await expect(page.getByRole("status").filter({ hasText: /^Showing 1–\d+ of \d+ clusters/ })).toBeVisible();
});

test("what the latest audit could not read counts at the top and is in the CSV; a failed organization read says the audit failed", async ({
  page,
  statusPage,
}) => {
  await statusPage.goto();
  // The seeded organization's research account: its role trusts nobody, in both regions.
  const notice = page.locator("#not-read");
  await expect(notice).toContainText("Not read in the latest audit: 1 account (2 account-regions)");
  await expect(notice).toContainText("research (456789012345) in us-east-1, eu-west-1:");
  await expect(page.getByRole("link", { name: "Not read: 2", exact: true })).toBeVisible();
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/status-not-read-${width}.png` });
  }
  const csv = await (await page.request.get("/api/audit/export?format=csv")).text();
  const notRead = parseCsv(csv)
    .filter((r) => r[4] === "not-read")
    .map((r) => r.slice(0, 9).join(","));
  expect(notRead).toEqual([
    "456789012345,research,us-east-1,,not-read,unknown,,,not read",
    "456789012345,research,eu-west-1,,not-read,unknown,,,not read",
  ]);
  // Filtered to Ready clusters, what was not read is no row of the export.
  const ready = await (await page.request.get("/api/audit/export?format=csv&verdict=ready")).text();
  expect(ready).not.toContain("not-read");

  await sandbox("/_sandbox/faults", {
    method: "POST",
    body: { operation: "ListAccounts", kind: "access-denied" },
  });
  await statusPage.refresh();
  await page.reload();
  await expect(page.getByText(/^Audit failed just now: nothing could be read$/)).toBeVisible();
  await expect(page.getByText(/^Audited just now/)).toHaveCount(0);
  await expect(notice).toContainText(
    "The latest audit could not read anything: every row below is from an earlier audit",
  );
  await expect(notice).toContainText("staging (210987654321): not covered by the latest audit");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/screens/status-read-nothing-1440.png" });
});
