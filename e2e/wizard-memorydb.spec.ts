import type { Page } from "@playwright/test";
import { expect, sandbox, storageState, test } from "./fixtures";
import { applyPreview } from "./apply";
import { widthProblems } from "./ui-checks";

// The wizard for a MemoryDB cluster, from the status page's fix link to a Ready verdict, against the seeded
// sandbox (reset before each test): prod-memdb-lru has its own custom group with volatile-lru.
test.use({ storageState: storageState.operator });
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async () => {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
});
// The walk applies a plan: leave the seeded account as the specs after this one expect it.
test.afterAll(async () => {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
});

const LRU = "account=123456789012&region=us-east-1&kind=memorydb-cluster&id=prod-memdb-lru";
const NETWORK = "&sg=existing&sgId=sg-0cache00000000001&src=security-group&srcGroup=sg-0app000000000001";
const PG = "&pg=create&pgName=bullmq-memorydb-redis7-noeviction";
const PAGES = {
  target: `/wizard/target?${LRU}`,
  network: `/wizard/network?${LRU}`,
  "parameter-group": `/wizard/parameter-group?${LRU}${NETWORK}`,
  modification: `/wizard/modification?${LRU}${NETWORK}${PG}`,
  preview: `/wizard/preview?${LRU}${NETWORK}${PG}`,
};

const next = (page: Page, name: string) => page.getByRole("button", { name }).click();
const heading = (page: Page) =>
  page.getByRole("heading", { name: "Make prod-memdb-lru ready for BullMQ", level: 1 });

test("prod-memdb-lru: from the fix link, a new MemoryDB group attached by UpdateCluster, applied until Ready", async ({
  page,
  statusPage,
}) => {
  await page.goto("/status/123456789012/us-east-1/memorydb-cluster/prod-memdb-lru");
  await page.getByRole("link", { name: "Fix with the wizard" }).click();
  await expect(page).toHaveURL(new RegExp(`/wizard/target\\?${LRU}$`));
  await expect(heading(page)).toBeVisible();

  // Step 1: the MemoryDB clusters are listed with the ElastiCache ones, named as MemoryDB in the radio's label.
  const lru = page.getByRole("radio", { name: /^prod-memdb-lru MemoryDB Needs changes/ });
  await expect(lru).toBeChecked();
  await expect(page.getByRole("radio", { name: /^prod-memdb-default MemoryDB Ready already/ })).toBeEnabled();
  await expect(page.getByText("Amazon MemoryDB cluster · redis 7.1.0").first()).toBeVisible();
  // The list is a radio group a keyboard walks: the arrows move the choice, and it comes back.
  await lru.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /^prod-memdb-valkey MemoryDB/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /^prod-memdb-valkey MemoryDB/ })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(lru).toBeChecked();
  await next(page, "Continue to network access");

  // Step 2: the port and security groups of the MemoryDB cluster; its rule for orders-api is reused.
  await expect(page).toHaveURL(/\/wizard\/network\?/);
  await expect(page.getByText("Existing rule reused", { exact: true })).toBeVisible();
  await expect(page.getByRole("radio", { name: /cache-prod/ })).toBeChecked();
  await expect(page.getByLabel("Application security group")).toHaveValue("sg-0app000000000001");
  await next(page, "Continue to parameter group");

  // Step 3: a MemoryDB group of the cluster's family, never prod-memdb-lru edited in place.
  await expect(
    page.getByRole("radio", { name: "Create a new MemoryDB parameter group (recommended)" }),
  ).toBeChecked();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("bullmq-memorydb-redis7-noeviction");
  await expect(page.getByText("memorydb_redis7", { exact: true })).toBeVisible();
  await expect(
    page.getByText("prod-memdb-lru sets nothing else apart from the family defaults", { exact: false }),
  ).toBeVisible();
  await expect(page.getByRole("radio", { name: /in place/ })).toHaveCount(0);
  await next(page, "Continue to cluster modification");

  // Step 4: UpdateCluster, said to apply on its own; no memory alarm for MemoryDB.
  await expect(page.getByText("memorydb:UpdateCluster")).toBeVisible();
  await expect(page.getByText(/MemoryDB applies it on its own, with no "apply immediately"/)).toBeVisible();
  await expect(page.getByRole("group", { name: "Memory alarm" })).toHaveCount(0);
  await next(page, "Preview changes");

  await expect(page.getByTestId("plan-summary")).toHaveText("1 to create, 1 to change, 2 already in place");
  await expect(page.getByText("MemoryDB cluster", { exact: true })).toBeVisible();
  await page.getByText("AWS CLI script").click();
  await expect(page.getByTestId("plan-cli")).toContainText("aws memorydb create-parameter-group");
  await expect(page.getByTestId("plan-cli")).toContainText("aws memorydb update-cluster");
  await expect(page.getByTestId("plan-cli")).not.toContainText("put-metric-alarm");
  // How BullMQ will connect, from the preview's own read: a Cluster client over TLS, queues in one slot.
  await page.getByText("Connect BullMQ to prod-memdb-lru").click();
  const code = page.locator("details", { hasText: "Connect BullMQ to prod-memdb-lru" }).locator("pre");
  await expect(code).toContainText("new Cluster(");
  await expect(code).toContainText("tls: {}");
  await expect(code).toContainText('prefix: "{bull}"');

  await applyPreview(page);
  await expect(page).toHaveURL(/\/changes\/[0-9a-z-]+$/);
  await expect(page.getByRole("heading", { name: "Readiness of prod-memdb-lru: Ready" })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByTestId("run-message")).toHaveText("Done: prod-memdb-lru is ready.");
  // The snippet of a MemoryDB cluster: a Cluster client over TLS, queues in one hash slot.
  const snippet = page.getByTestId("connection-snippet");
  await expect(snippet).toContainText("new Cluster(");
  await expect(snippet).toContainText("tls: {}");
  await expect(snippet).toContainText('prefix: "{bull}"');

  // The status page says so too: the apply audited the cluster once more and stored it.
  await statusPage.gotoRegion("us-east-1");
  await expect(statusPage.row("prod-memdb-lru")).toContainText("Ready");
  await expect(statusPage.row("prod-memdb-lru")).toContainText("noeviction");
  await page.goto("/status/123456789012/us-east-1/memorydb-cluster/prod-memdb-lru");
  await expect(page.getByText("bullmq-memorydb-redis7-noeviction").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Fix with the wizard" })).toHaveCount(0);
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const [step, url] of Object.entries(PAGES)) {
    test(`the MemoryDB wizard's ${step} step fits: no sideways scroll, nothing cut`, async ({ page }) => {
      await page.goto(url);
      await expect(heading(page)).toBeVisible();
      await expect(page.getByTestId("page-loading")).toHaveCount(0);
      expect(await widthProblems(page)).toEqual({ scrollWidth: 390, offscreen: [], cut: [] });
    });
  }
});
