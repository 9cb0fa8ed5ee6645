import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, freshAudit, storageState, test } from "./fixtures";
import { MANAGEMENT } from "./pages";

test.use({ storageState: storageState.viewer });
test.beforeAll(async ({ browser }) => freshAudit(browser));

// tools/sandbox/SEED.md: us-east-1 has 4 ready, 8 needing changes, 2 incompatible, 1 not applicable
// (three of them MemoryDB clusters).
const NEEDS_CHANGES = [
  "busy-redis7",
  "cache-redis62",
  "events-cluster",
  "legacy-redis5",
  "orders-redis7",
  "prod-memdb-lru",
  "sessions-redis62",
  "standalone-redis",
];

const summary = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Verdict summary" }).getByRole("link", { name, exact: true });
const names = async (page: Page) => {
  await expect(page.getByTestId("page-loading")).toHaveCount(0);
  return (await page.locator("table[aria-label^='Clusters in'] tbody tr th").allTextContents()).map((t) =>
    t.trim(),
  );
};
const SCOPE = `account=${MANAGEMENT}&region=us-east-1`;
const snippet = (page: Page) => page.getByRole("region", { name: "Connection snippet" }).locator("pre");

test("the summary counts every verdict of the seeded account", async ({ page, statusPage }) => {
  await statusPage.gotoRegion("us-east-1");
  for (const [label, count] of [
    ["All clusters", 15],
    ["Ready", 4],
    ["Needs changes", 8],
    ["Incompatible", 2],
    ["Not applicable", 1],
    ["Unknown", 0],
  ] as const) {
    await expect(summary(page, `${label}: ${count}`)).toBeVisible();
  }
  await expect(statusPage.row("orders-redis7")).toContainText("Needs changes");
  await expect(statusPage.row("orders-redis7")).toContainText("volatile-lru");
  await expect(statusPage.row("jobs-valkey8")).toContainText("Ready");
  await expect(statusPage.row("jobs-valkey8")).toContainText("noeviction");
  await expect(statusPage.row("sessions-memcached")).toContainText("Not applicable");
  // Who owns it (SEED.md, CloudFormation): a badge beside the verdict; nothing for a cluster nobody owns.
  await expect(statusPage.row("orders-redis7")).toContainText("CloudFormation · orders-cache");
  await expect(statusPage.row("secure-redis7")).toContainText("CloudFormation · secure-cache");
  await expect(statusPage.row("jobs-valkey8")).not.toContainText("CloudFormation");
  await page.screenshot({ path: "test-results/screens/status-audit.png", fullPage: true });
});

test("filters by verdict from the summary, then by text, then clears", async ({ page, statusPage }) => {
  await statusPage.gotoRegion("us-east-1");
  await summary(page, "Needs changes: 8").click();
  await expect(page).toHaveURL(new RegExp(`/status\\?${SCOPE}&verdict=needs-changes$`));
  expect(await names(page)).toEqual(NEEDS_CHANGES);
  await expect(summary(page, "Needs changes: 8")).toHaveAttribute("aria-current", "true");

  // The filter button is not called "Apply": on this app that word changes AWS (issue 9, item 19).
  await expect(page.getByRole("button", { name: "Apply" })).toHaveCount(0);
  await page.getByRole("searchbox", { name: "Search" }).fill("orders");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page).toHaveURL(/verdict=needs-changes&q=orders$/);
  expect(await names(page)).toEqual(["orders-redis7"]);
  await expect(page.getByText("1 of 15 clusters match")).toBeVisible();

  await page.getByLabel("Verdict", { exact: true }).selectOption("ready");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page.getByText("No cluster in this account matches the filters.")).toBeVisible();

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/status$/);
  expect(await names(page)).toEqual(expect.arrayContaining(["orders-redis7", "eu-orders"]));
});

test("sorts by verdict, most urgent first", async ({ page }) => {
  await page.goto(`/status?${SCOPE}&sort=verdict`);
  expect(await names(page)).toEqual([
    ...NEEDS_CHANGES,
    "ancient-redis4",
    "serverless-queue",
    "jobs-valkey8",
    "prod-memdb-default",
    "prod-memdb-valkey",
    "secure-redis7",
    "sessions-memcached",
  ]);
});

test("orders-redis7's detail: the eviction finding with its evidence, the fix and the snippet", async ({
  page,
  statusPage,
}) => {
  await statusPage.gotoRegion("us-east-1");
  await page.getByRole("link", { name: "orders-redis7", exact: true }).click();
  await expect(page).toHaveURL(/\/status\/123456789012\/us-east-1\/replication-group\/orders-redis7$/);
  await expect(page.getByRole("heading", { name: "orders-redis7", level: 1 })).toBeVisible();
  const finding = page.getByRole("article", {
    name: "Default parameter group default.redis7 attached: maxmemory-policy is volatile-lru",
  });
  await expect(finding).toContainText("Fail");
  // Default groups are not read: nobody can change them, so the evidence names the family default instead.
  const source =
    "AWS default parameter group default.redis7 (family redis7): fixed at the family default, cannot be modified";
  const policyRow = finding.getByRole("row").filter({ hasText: source });
  await expect(policyRow.getByRole("cell")).toHaveText([
    /maxmemory-policy = volatile-lru \(the redis7 family default/,
    "noeviction",
    source,
  ]);
  await expect(finding.locator("pre")).toContainText(
    "aws elasticache create-cache-parameter-group --region us-east-1",
  );
  await expect(page.getByRole("link", { name: "Fix with the wizard" })).toHaveAttribute(
    "href",
    "/wizard/target?account=123456789012&region=us-east-1&kind=replication-group&id=orders-redis7",
  );
  await expect(snippet(page)).toContainText('host: "orders-redis7.abc123.ng.0001.use1.cache.amazonaws.com"');
  await expect(snippet(page)).toContainText("maxRetriesPerRequest: null");
  await expect(snippet(page)).not.toContainText("tls");
  const owner = page.getByTestId("owner");
  await expect(owner).toContainText("CloudFormation · orders-cache (OrdersReplicationGroup)");
  await expect(owner).toContainText(
    "Subnet group prod-cache-subnets: CloudFormation · orders-cache (CacheSubnetGroup)",
  );
  await expect(owner).toContainText(
    "Security group sg-0cache00000000001: CloudFormation · orders-cache (CacheSecurityGroup)",
  );
  await page.screenshot({ path: "test-results/screens/status-detail.png", fullPage: true });
});

test("memory on the detail page: the fullest node's use, and the missing alarm with its command", async ({
  page,
}) => {
  // The e2e sandbox runs real engines: the use is their INFO (nearly empty nodes), the fullest node named.
  await page.goto("/status/123456789012/us-east-1/replication-group/secure-redis7");
  await expect(
    page.getByText(/^\d+\.\d % of maxmemory \(maximum of the last 15 minutes, node secure-redis7-00[12]\)$/),
  ).toBeVisible();
  await expect(page.getByText(/writes will soon be refused/)).toHaveCount(0);
  // Its hand-made alarm (SEED.md, CloudWatch) counts: no memory-alarm warning.
  await expect(page.getByRole("heading", { name: /memory alarm/i })).toHaveCount(0);

  // Ready otherwise, and nobody put an alarm on its memory.
  await page.goto("/status/123456789012/us-east-1/replication-group/jobs-valkey8");
  await expect(page.getByRole("heading", { name: "No memory alarm on jobs-valkey8" })).toBeVisible();
  await expect(
    page.getByText(
      /aws cloudwatch put-metric-alarm --region us-east-1 --alarm-name jobs-valkey8-bullmq-memory/,
    ),
  ).toBeVisible();
});

test("the snippet follows the cluster: Cluster client and {bull} in cluster mode, tls with TLS, none for serverless", async ({
  page,
}) => {
  await page.goto("/status/123456789012/us-east-1/replication-group/events-cluster");
  await expect(snippet(page)).toContainText("new Cluster(nodes");
  await expect(snippet(page)).toContainText('prefix: "{bull}"');
  await expect(snippet(page)).toContainText(
    'host: "clustercfg.events-cluster.abc123.use1.cache.amazonaws.com"',
  );

  await page.goto("/status/123456789012/us-east-1/replication-group/secure-redis7");
  await expect(snippet(page)).toContainText("tls: {},");
  await expect(snippet(page)).toContainText("password: process.env.REDIS_AUTH_TOKEN");
  await expect(page.getByRole("link", { name: "Fix with the wizard" })).toHaveCount(0);

  await page.goto("/status/123456789012/us-east-1/serverless/serverless-queue");
  await expect(page.getByRole("region", { name: "Connection snippet" })).toContainText(
    "BullMQ cannot run on this cluster",
  );

  // Known only after the live read, which the loading page streams ahead of: the not-found page, noindex.
  await page.goto("/status/123456789012/us-east-1/replication-group/no-such-cluster");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const bad = await page.goto("/status/123456789012/ap-south-9/replication-group/no-such-cluster");
  expect(bad?.status()).toBe(404);
  const unconfigured = await page.goto("/status/999999999999/us-east-1/replication-group/orders-redis7");
  expect(unconfigured?.status()).toBe(404);
});

test("exports every stored row as CSV and JSON, with the page's filters and the account", async ({
  page,
  statusPage,
}) => {
  await statusPage.gotoRegion("us-east-1");
  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(
    new RegExp(`^queueready-audit-${MANAGEMENT}-us-east-1-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\.csv$`),
  );
  const csv = (await readFile(await csvDownload.path(), "utf8")).split("\r\n");
  expect(csv[0]).toBe(
    "account_id,account_name,region,name,kind,verdict,engine,engine_version,status,vpc_id,port,parameter_group,maxmemory_policy,owner,fails,warnings,unknowns,findings,audited_at,stale_reason",
  );
  expect(csv.filter((l) => l !== "")).toHaveLength(16);
  expect(csv.find((l) => l.includes(`,"us-east-1","legacy-redis5",`))).toMatch(
    /^"123456789012","(management|123456789012)","us-east-1","legacy-redis5","replication-group","needs-changes","redis","5\.0\.6","available","vpc-0prod00000000001","6380","default\.redis5\.0","volatile-lru","","2","2","0",/,
  );

  await summary(page, "Ready: 4").click();
  const [jsonDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export JSON" }).click(),
  ]);
  const json = JSON.parse(await readFile(await jsonDownload.path(), "utf8"));
  expect(json.summary).toEqual({
    ready: 4,
    "needs-changes": 0,
    incompatible: 0,
    "not-applicable": 0,
    unknown: 0,
  });
  expect(
    json.clusters.map((c: { accountId: string; region: string; name: string }) => [
      c.accountId,
      c.region,
      c.name,
    ]),
  ).toEqual([
    [MANAGEMENT, "us-east-1", "jobs-valkey8"],
    [MANAGEMENT, "us-east-1", "prod-memdb-default"],
    [MANAGEMENT, "us-east-1", "prod-memdb-valkey"],
    [MANAGEMENT, "us-east-1", "secure-redis7"],
  ]);
  // The stored owner, as the CLI's --json gives it.
  expect(json.clusters.map((c: { owner: unknown }) => c.owner)).toEqual([
    null,
    null,
    null,
    expect.objectContaining({
      tool: "cloudformation",
      stack: "secure-cache",
      logicalId: "SecureReplicationGroup",
    }),
  ]);
});

test("every region of the account under its heading; the summary adds them up", async ({
  page,
  statusPage,
}) => {
  await statusPage.goto(`?account=${MANAGEMENT}`);
  await expect(statusPage.row("eu-orders")).toContainText("Needs changes");
  await expect(statusPage.row("orders-redis7")).toBeVisible();
  await expect(summary(page, "All clusters: 18")).toBeVisible();
  await expect(summary(page, "Ready: 5")).toBeVisible();
  await expect(page.getByRole("region", { name: new RegExp(`\\(${MANAGEMENT}\\)$`) })).toContainText(
    "18 clusters",
  );
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the export answers 401 and no data without a session", async ({ request }) => {
    const response = await request.get("/api/audit/export?format=json&regions=all", { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(await response.text()).not.toContain("orders-redis7");
  });
});
