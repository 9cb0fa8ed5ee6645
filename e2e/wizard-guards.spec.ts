import type { Page } from "@playwright/test";
import { authorizeIngress } from "../lib/adapters/aws/ec2/writes";
import { createAwsContext } from "../lib/adapters/aws/context";
import { expect, sandbox, storageState, test } from "./fixtures";
import { applyPreview } from "./apply";

// What the wizard refuses: a viewer's apply, a plan the account moved away from, a half-done apply
// (which stops, says what was done, and converges from a new preview), and the undo of what it left.
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async () => {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
});
test.afterEach(async () => {
  await sandbox("/_sandbox/faults", { method: "DELETE" });
});

const ORDERS_PREVIEW =
  "/wizard/preview?region=us-east-1&kind=replication-group&id=orders-redis7&sg=existing&sgId=sg-0cache00000000001" +
  "&src=security-group&srcGroup=sg-0app000000000001&pg=create&pgName=bullmq-redis7-noeviction";

// WIZARD_SHOTS moves them out of test-results/, which every Playwright run on this checkout clears.
const shot = (page: Page, name: string) =>
  page.screenshot({
    path: `${process.env.WIZARD_SHOTS ?? "test-results/screens"}/wizard-${name}.png`,
    fullPage: true,
  });

test.describe("viewer", () => {
  test.use({ storageState: storageState.viewer });

  test("sees the whole preview but no Apply button", async ({ page }) => {
    await page.goto(ORDERS_PREVIEW);
    await expect(page.getByTestId("plan-summary")).toHaveText("2 to create, 2 to change, 1 already in place");
    await expect(page.getByText("only an operator can apply it", { exact: false })).toBeVisible();
    await expect(page.getByRole("button", { name: "Apply", exact: true })).toHaveCount(0);
    await shot(page, "viewer-preview");
  });
});

test.describe("operator", () => {
  test.use({ storageState: storageState.operator });

  test("a deep link past unanswered steps opens the first one missing", async ({ page }) => {
    await page.goto("/wizard/preview?region=us-east-1&kind=replication-group&id=orders-redis7");
    await expect(page).toHaveURL(
      /\/wizard\/network\?account=123456789012&region=us-east-1&kind=replication-group&id=orders-redis7$/,
    );
    await expect(page.locator('nav[aria-label="Wizard steps"] [aria-current="step"]')).toHaveText(
      /Network access/,
    );
  });

  test("a cluster that is gone leaves each step with its frame and a way to choose another", async ({
    page,
  }) => {
    for (const [step, label] of [
      ["network", "Network access"],
      ["parameter-group", "Parameter group"],
    ]) {
      const query = "account=123456789012&region=us-east-1&kind=replication-group&id=gone-redis";
      await page.goto(
        `/wizard/${step}?${query}&sg=existing&sgId=sg-0cache00000000001&src=cidr&cidr=10.0.0.0/16`,
      );
      await expect(page.getByRole("heading", { name: label, exact: true })).toBeVisible();
      await expect(page.getByText("gone-redis cannot be read")).toBeVisible();
      await expect(page.getByRole("link", { name: "Choose another cluster" })).toHaveAttribute(
        "href",
        new RegExp(`^/wizard/target\\?${query}&`),
      );
      await expect(page.getByRole("button", { name: /^Continue/ })).toHaveCount(0);
    }
  });

  test("a stale plan is refused with what changed, and previewing again shows the new state", async ({
    page,
  }) => {
    await page.goto(ORDERS_PREVIEW);
    await expect(page.getByTestId("plan-summary")).toHaveText("2 to create, 2 to change, 1 already in place");
    // Someone else opens the cluster's group to the VPC between the preview and the apply.
    const settings = {
      endpoint: process.env.E2E_SANDBOX_URL,
      regions: ["us-east-1"],
      defaultRegion: "us-east-1",
      maxAttempts: 1,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    };
    const ctx = createAwsContext(settings, "us-east-1");
    await authorizeIngress(ctx, "sg-0cache00000000001", {
      protocol: "tcp",
      fromPort: 6379,
      toPort: 6379,
      source: { kind: "cidr", cidr: "10.0.0.0/16" },
    });
    await applyPreview(page, { owned: true });
    const refusal = page
      .getByRole("alert")
      .filter({ hasText: "The live state changed since this preview, so nothing was applied." });
    await expect(refusal).toContainText("Inbound rules of sg-0cache00000000001 on port 6379: now");
    await expect(refusal).toContainText("10.0.0.0/16");
    await shot(page, "stale-refused");
    await refusal.getByRole("link", { name: "Preview again" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "nothing was applied" })).toHaveCount(0);
    // The new preview is computed from the moved state and can be applied.
    await expect(page.getByTestId("plan-summary")).toHaveText("2 to create, 2 to change, 1 already in place");
    await applyPreview(page, { owned: true });
    await expect(page.getByRole("heading", { name: "Readiness of orders-redis7: Ready" })).toBeVisible({
      timeout: 60_000,
    });
  });

  test("a failure mid-apply stops, says what was done, converges from a new preview, and leaves an undoable group", async ({
    page,
  }) => {
    await sandbox("/_sandbox/faults", {
      method: "POST",
      body: { operation: "ModifyReplicationGroup", kind: "access-denied", count: 5 },
    });
    await page.goto(ORDERS_PREVIEW);
    await applyPreview(page, { owned: true });
    await expect(page.getByRole("status").filter({ hasText: "Stopped at step 4" })).toBeVisible({
      timeout: 30_000,
    });
    // The way on after a failed apply is a new preview, not a "refresh" (issue 9, item 21).
    await expect(page.getByTestId("run-message")).toContainText("Preview again to go on from this state.");
    await expect(page.getByTestId("run-message")).not.toContainText("refresh");
    const stopped = page.getByRole("alert").filter({ hasText: "The apply stopped" });
    await expect(stopped).toContainText("Create parameter group bullmq-redis7-noeviction");
    await expect(stopped).toContainText(
      "Not done: Give orders-redis7 parameter group bullmq-redis7-noeviction",
    );
    await shot(page, "failed-run");

    await page.goto("/changes");
    // Newest first: the run that just stopped.
    await expect(page.getByRole("row", { name: /orders-redis7/ }).first()).toContainText("failed");
    await expect(page.getByText("parameter group bullmq-redis7-noeviction", { exact: true })).toBeVisible();
    await shot(page, "history-undo");

    await sandbox("/_sandbox/faults", { method: "DELETE" });
    await page.getByRole("link", { name: "Details" }).first().click();
    await page.getByRole("link", { name: /^Resume/ }).click();
    await expect(page.getByTestId("plan-summary")).toHaveText(
      /^1 to create, 1 to change, \d already in place$/,
    );
    await applyPreview(page, { owned: true });
    await expect(page.getByRole("heading", { name: "Readiness of orders-redis7: Ready" })).toBeVisible({
      timeout: 60_000,
    });
  });

  test("undo removes a group QueueReady created once nothing uses it", async ({ page }) => {
    await sandbox("/_sandbox/faults", {
      method: "POST",
      body: { operation: "ModifyReplicationGroup", kind: "access-denied", count: 5 },
    });
    await page.goto(ORDERS_PREVIEW);
    await applyPreview(page, { owned: true });
    await expect(page.getByRole("status").filter({ hasText: "Stopped at step 4" })).toBeVisible({
      timeout: 30_000,
    });
    await page.goto("/changes");
    const item = page.getByRole("listitem").filter({ hasText: "parameter group bullmq-redis7-noeviction" });
    await item.getByRole("button", { name: "Remove" }).click();
    // The confirmation box is required: nothing happens until it is ticked (the submit button's own live
    // region stays empty; no outcome is announced).
    await expect(item.getByRole("status").filter({ hasText: /\S/ })).toHaveCount(0);
    await item.getByLabel("Yes, remove parameter group bullmq-redis7-noeviction").check();
    await item.getByRole("button", { name: "Remove" }).click();
    await expect(item.getByRole("status")).toHaveText("Deleted parameter group bullmq-redis7-noeviction.");
    await page.reload();
    await expect(page.getByText("Nothing to remove.")).toBeVisible();
  });
});
