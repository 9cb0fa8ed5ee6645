import type { Page } from "@playwright/test";
import { expect, sandbox, storageState, test } from "./fixtures";
import { applyPreview } from "./apply";

// A new operator's walk through the whole wizard, from the status page's fix link to a Ready verdict,
// against the seeded sandbox (reset before each test). Screenshots of each step land in test-results/screens/.
test.use({ storageState: storageState.operator });
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async () => {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
});

// WIZARD_SHOTS moves them out of test-results/, which every Playwright run on this checkout clears.
const shot = (page: Page, name: string) =>
  page.screenshot({
    path: `${process.env.WIZARD_SHOTS ?? "test-results/screens"}/wizard-${name}.png`,
    fullPage: true,
  });

async function openFixLink(page: Page, kind: string, id: string): Promise<void> {
  await page.goto(`/status/123456789012/us-east-1/${kind}/${id}`);
  await page.getByRole("link", { name: "Fix with the wizard" }).click();
  await expect(page).toHaveURL(
    new RegExp(`/wizard/target\\?account=123456789012&region=us-east-1&kind=${kind}&id=${id}$`),
  );
  await expect(page.getByRole("heading", { name: `Make ${id} ready for BullMQ`, level: 1 })).toBeVisible();
}

const next = (page: Page, name: string | RegExp) => page.getByRole("button", { name }).click();

async function applyAndWaitForReady(page: Page, id: string, owned = false): Promise<void> {
  await applyPreview(page, { owned });
  await expect(page).toHaveURL(/\/changes\/[0-9a-z-]+$/);
  await expect(page.getByRole("heading", { name: `Readiness of ${id}: Ready` })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByTestId("connection-snippet")).toContainText('from "bullmq"');
  await expect(page.getByTestId("run-message")).toHaveText(`Done: ${id} is ready.`);
}

/** From the target step, the recommended answers all the way to an empty preview. */
async function rerunExpectingEmptyPlan(page: Page, id: string): Promise<void> {
  await page.getByRole("link", { name: "Run the wizard again" }).click();
  await next(page, "Continue to network access");
  await next(page, "Continue to parameter group");
  await expect(page.getByRole("radio", { name: /^Reuse bullmq-/ })).toBeChecked();
  await next(page, "Continue to cluster modification");
  await next(page, "Preview changes");
  await expect(page.getByTestId("plan-summary")).toHaveText(
    "Nothing to change: the cluster already matches these choices.",
  );
  await expect(page.getByRole("button", { name: "Apply", exact: true })).toHaveCount(0);
  await expect(page.getByText(`Nothing to apply: ${id} already matches these choices.`)).toBeVisible();
}

test("orders-redis7: reuse the existing rule, create the suggested group, apply, Ready, then an empty plan", async ({
  page,
}) => {
  await openFixLink(page, "replication-group", "orders-redis7");
  await expect(page.getByRole("radio", { name: /orders-redis7/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /serverless-queue/ })).toBeDisabled();
  await expect(
    page.getByText("ancient-redis4 runs Redis 4.0.10: BullMQ refuses Redis below 5.0.0.", { exact: false }),
  ).toBeVisible();
  await shot(page, "1-target");
  await next(page, "Continue to network access");

  await expect(page).toHaveURL(/\/wizard\/network\?/);
  await expect(page.getByText("Existing rule reused", { exact: true })).toBeVisible();
  await expect(page.getByRole("radio", { name: /cache-prod/ })).toBeChecked();
  await expect(page.getByLabel("Application security group")).toHaveValue("sg-0app000000000001");
  await shot(page, "2-network");
  await next(page, "Continue to parameter group");

  await expect(page.getByRole("radio", { name: /Create a new parameter group/ })).toBeChecked();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("bullmq-redis7-noeviction");
  await shot(page, "3-parameter-group");
  await next(page, "Continue to cluster modification");

  await expect(page.getByText("elasticache:ModifyReplicationGroup")).toBeVisible();
  await shot(page, "4-modification");
  await next(page, "Preview changes");

  await expect(page.getByTestId("plan-summary")).toHaveText("2 to create, 2 to change, 1 already in place");
  await expect(
    page.getByText(
      /Already in place: cache-prod \(sg-0cache00000000001\) already allows tcp 6379 from security group orders-api \(sg-0app000000000001\)/,
    ),
  ).toBeVisible();
  await page.getByText("AWS CLI script").click();
  await expect(page.getByTestId("plan-cli")).toContainText("aws elasticache modify-replication-group");
  await expect(page.getByTestId("plan-cli")).toContainText(
    "ParameterName=maxmemory-policy,ParameterValue=noeviction",
  );
  // orders-redis7 belongs to the seeded orders-cache stack: the preview says so before Apply.
  await expect(page.getByTestId("owned-writes")).toContainText(
    "replication-group orders-redis7 (ModifyReplicationGroup) is owned by CloudFormation stack orders-cache (OrdersReplicationGroup)",
  );
  await shot(page, "5-preview");
  await applyAndWaitForReady(page, "orders-redis7", true);
  await shot(page, "6-progress-ready");

  await rerunExpectingEmptyPlan(page, "orders-redis7");
  await shot(page, "7-rerun-empty");
  await page.goto("/status/123456789012/us-east-1/replication-group/orders-redis7");
  await expect(page.getByText("bullmq-redis7-noeviction").first()).toBeVisible();
});

test("events-cluster: cluster mode, a new rule from the application's group, cluster-enabled=yes", async ({
  page,
}) => {
  await openFixLink(page, "replication-group", "events-cluster");
  await next(page, "Continue to network access");
  await expect(page.getByRole("radio", { name: /cache-no-redis/ })).toBeChecked();
  await expect(page.getByText("Existing rule reused", { exact: true })).toHaveCount(0);
  await page.getByLabel("Application security group").selectOption("sg-0app000000000001");
  await next(page, "Continue to parameter group");
  await expect(page.getByText("cluster-enabled=yes", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("bullmq-redis7-cluster-noeviction");
  await next(page, "Continue to cluster modification");
  await next(page, "Preview changes");
  await expect(page.getByTestId("plan-summary")).toHaveText("3 to create, 2 to change");
  // No SNS topic in this environment: the preview says the alarm tells nobody.
  await expect(page.getByText(/nobody will be notified/).first()).toBeVisible();
  const security = page.getByRole("region", { name: "Security-sensitive changes" });
  await expect(security).toContainText("tcp 6379 from security group orders-api (sg-0app000000000001)");
  await expect(page.getByTestId("permission-authorize-ingress")).toContainText("DryRun: allowed");
  await shot(page, "events-preview");
  await applyAndWaitForReady(page, "events-cluster");
  await rerunExpectingEmptyPlan(page, "events-cluster");
});

test("standalone-redis: a new security group, ModifyCacheCluster", async ({ page }) => {
  await openFixLink(page, "cache-cluster", "standalone-redis");
  await next(page, "Continue to network access");
  await page.getByRole("radio", { name: "A new security group" }).check();
  await page.getByRole("radio", { name: "An address range (CIDR)" }).check();
  await page.getByLabel("CIDR", { exact: true }).fill("10.1.0.0/33");
  await next(page, "Continue to parameter group");
  await expect(page.locator("#cidr-error")).toHaveText(/\S/);
  await expect(page.getByLabel("CIDR", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await shot(page, "standalone-cidr-error");
  await page.getByLabel("CIDR", { exact: true }).fill("10.1.0.0/16");
  await next(page, "Continue to parameter group");
  await next(page, "Continue to cluster modification");
  await expect(page.getByText("elasticache:ModifyCacheCluster")).toBeVisible();
  // The memory alarm that comes with noeviction, under the name it will have: a person's own threshold and topic.
  await expect(page.getByText("Named standalone-redis-bullmq-memory;")).toBeVisible();
  await page.getByLabel("Threshold (% of maxmemory)").fill("99");
  await next(page, "Preview changes");
  await expect(page.locator("#alarmThreshold-error")).toHaveText("must be at most 95 %");
  await page.getByLabel("Threshold (% of maxmemory)").fill("75");
  await page.getByLabel("SNS topic ARN").fill("arn:aws:sns:us-east-1:123456789012:ops-pager");
  await next(page, "Preview changes");
  await expect(page.getByTestId("plan-summary")).toHaveText("4 to create, 2 to change");
  await expect(
    page
      .getByText(
        "Put memory alarm standalone-redis-bullmq-memory (DatabaseMemoryUsageCountedForEvictPercentage > 75 % for 5 minutes), notifying arn:aws:sns:us-east-1:123456789012:ops-pager",
      )
      .first(),
  ).toBeVisible();
  await page.getByText("AWS CLI script").click();
  await expect(page.getByTestId("plan-cli")).toContainText("aws elasticache modify-cache-cluster");
  await applyAndWaitForReady(page, "standalone-redis");
  await rerunExpectingEmptyPlan(page, "standalone-redis");
});
