import type { Page } from "@playwright/test";
import { expect, sandbox, storageState, test } from "./fixtures";
import { applyPreview } from "./apply";

// One whole wizard pass on orders-redis7, from the status page to Ready, counting the AWS calls the sandbox
// answers at each step: the wizard, the preview and apply read the target and what it references only.
test.use({ storageState: storageState.operator });
test.describe.configure({ timeout: 90_000 });

type Calls = Record<string, number>;
const calls = async (): Promise<Calls> => (await sandbox("/_sandbox/calls")).json() as Promise<Calls>;
const next = (page: Page, name: string) => page.getByRole("button", { name }).click();

test("a wizard pass on orders-redis7 reads only the target and what it references", async ({ page }) => {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
  await sandbox("/_sandbox/calls", { method: "DELETE" });
  const steps: Record<string, Calls> = {};
  const mark = async (name: string) => {
    steps[name] = await calls();
    await sandbox("/_sandbox/calls", { method: "DELETE" });
  };
  await page.goto("/status");
  await expect(page.getByRole("link", { name: "orders-redis7" }).first()).toBeVisible();
  await mark("status");
  await page.goto("/status/123456789012/us-east-1/replication-group/orders-redis7");
  await page.getByRole("link", { name: "Fix with the wizard" }).click();
  await expect(page.getByRole("radio", { name: /orders-redis7/ })).toBeChecked();
  await mark("detail+target");
  await next(page, "Continue to network access");
  await expect(page.getByRole("radio", { name: /cache-prod/ })).toBeChecked();
  await mark("network");
  await next(page, "Continue to parameter group");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("bullmq-redis7-noeviction");
  await mark("parameter-group");
  await next(page, "Continue to cluster modification");
  await expect(page.getByText("elasticache:ModifyReplicationGroup")).toBeVisible();
  await mark("modification");
  await next(page, "Preview changes");
  await expect(page.getByTestId("plan-summary")).toHaveText("2 to create, 2 to change, 1 already in place");
  await mark("preview");
  await applyPreview(page, { owned: true });
  await expect(page.getByRole("heading", { name: "Readiness of orders-redis7: Ready" })).toBeVisible({
    timeout: 60_000,
  });
  await mark("apply+ready");
  const total = (c: Calls) => Object.values(c).reduce((a, b) => a + b, 0);
  const params = (step: string) => steps[step]?.["elasticache:DescribeCacheParameters"] ?? 0;
  const perStep = Object.fromEntries(Object.entries(steps).map(([k, c]) => [k, total(c)]));
  const whole = Object.values(perStep).reduce((a, b) => a + b, 0);
  console.info(`[wizard-calls] ${JSON.stringify(steps)}`);
  console.info(`[wizard-calls] per step ${JSON.stringify(perStep)}; whole pass ${whole} calls`);

  // The status page shows the stored audit: it asks AWS nothing, however many people look. Each later step
  // renders a page and posts its form (two reads), and each read covers only the target's own group.
  expect(total(steps.status ?? {})).toBe(0);
  for (const step of ["network", "parameter-group", "modification", "preview"]) {
    expect(params(step), step).toBeLessThanOrEqual(2);
    // No region-wide list the target does not reference: serverless caches are not read at all.
    expect(steps[step]?.["elasticache:DescribeServerlessCaches"], step).toBeUndefined();
  }
  expect(steps["apply+ready"]?.["elasticache:DescribeServerlessCaches"]).toBeUndefined();
  // Apply re-reads before and after each step, then the closing audit and the stored row's re-read.
  expect(params("apply+ready")).toBeLessThanOrEqual(8);
});
