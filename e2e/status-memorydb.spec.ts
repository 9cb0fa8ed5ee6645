import type { Page } from "@playwright/test";
import { expect, freshAudit, storageState, test } from "./fixtures";

test.use({ storageState: storageState.viewer });
test.beforeAll(async ({ browser }) => freshAudit(browser));

const snippet = (page: Page) => page.getByRole("region", { name: "Connection snippet" }).locator("pre");

test("a MemoryDB cluster on the status page: its verdict, the MemoryDB fix, the wizard link and a TLS Cluster snippet", async ({
  page,
  statusPage,
}) => {
  await statusPage.gotoRegion("us-east-1");
  await expect(statusPage.row("prod-memdb-lru")).toContainText("Needs changes");
  await expect(statusPage.row("prod-memdb-lru")).toContainText("volatile-lru");
  await expect(statusPage.row("prod-memdb-default")).toContainText("Ready");
  await expect(statusPage.row("prod-memdb-default")).toContainText("noeviction");

  await page.getByRole("link", { name: "prod-memdb-lru", exact: true }).click();
  await expect(page).toHaveURL(/\/status\/123456789012\/us-east-1\/memorydb-cluster\/prod-memdb-lru$/);
  await expect(page.getByRole("heading", { name: "prod-memdb-lru", level: 1 })).toBeVisible();
  const finding = page.getByRole("article", {
    name: "Custom group prod-memdb-lru has maxmemory-policy volatile-lru",
  });
  await expect(finding).toContainText("Fail");
  await expect(finding.locator("pre")).toContainText(
    "aws memorydb update-parameter-group --region us-east-1 --parameter-group-name prod-memdb-lru",
  );
  // The wizard fixes MemoryDB clusters too: the link opens it on this cluster.
  await expect(page.getByRole("link", { name: "Fix with the wizard" })).toHaveAttribute(
    "href",
    "/wizard/target?account=123456789012&region=us-east-1&kind=memorydb-cluster&id=prod-memdb-lru",
  );
  await expect(snippet(page)).toContainText("new Cluster(");
  await expect(snippet(page)).toContainText(
    '"clustercfg.prod-memdb-lru.xyz789.memorydb.us-east-1.amazonaws.com"',
  );
  await expect(snippet(page)).toContainText("tls: {}");
  await expect(snippet(page)).toContainText('prefix: "{bull}"');
});
