import { createAwsContext } from "../lib/adapters/aws/context";
import { modifyCacheCluster } from "../lib/adapters/aws/elasticache/writes";
import { expect, sandbox, storageState, test } from "./fixtures";

// "Revert this apply" from a finished run's page: the preview of the revert, the revert itself, the links
// both ways in the history, and the refusal once someone else changed the cluster (issue 9 item 2).
test.use({ storageState: storageState.operator });
test.describe.configure({ timeout: 90_000 });

const STANDALONE_PREVIEW =
  "/wizard/preview?region=us-east-1&kind=cache-cluster&id=standalone-redis&sg=new&sgName=queueready-standalone-redis" +
  "&src=cidr&cidr=10.1.0.0%2F16&pg=create&pgName=bullmq-redis7-noeviction";

test.beforeEach(async () => {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
});
// Both tests change standalone-redis: leave the seeded account as the specs after this one expect it.
test.afterAll(async () => {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
});

async function applyWizard(page: import("@playwright/test").Page): Promise<string> {
  await page.goto(STANDALONE_PREVIEW);
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Readiness of standalone-redis: Ready" })).toBeVisible({
    timeout: 60_000,
  });
  return page.url().split("/changes/")[1]!;
}

test("an operator reverts a finished apply: preview before → after, then the cluster is back", async ({
  page,
}) => {
  const runId = await applyWizard(page);
  await page.getByRole("link", { name: "Revert this apply" }).click();
  await expect(page).toHaveURL(`/changes/${runId}/revert`);
  await expect(page.getByRole("heading", { name: "Revert this apply", level: 1 })).toBeVisible();
  await expect(page.getByTestId("plan-summary")).toHaveText("0 to create, 1 to change");
  const step = page.getByRole("list", { name: "Steps of the revert" });
  await expect(step).toContainText(
    "Put standalone-redis back on parameter group default.redis7 and its previous security groups",
  );
  await expect(step).toContainText("bullmq-redis7-noeviction");
  await expect(page.getByText(/The revert deletes nothing/)).toBeVisible();

  await page.getByRole("button", { name: "Revert", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Revert on standalone-redis", level: 1 })).toBeVisible();
  await expect(page.getByTestId("run-message")).toHaveText("Done: standalone-redis reads Needs changes.", {
    timeout: 60_000,
  });
  await expect(page.getByText(`This run reverts apply ${runId}.`)).toBeVisible();
  const revertId = page.url().split("/changes/")[1]!;

  await page.goto("/changes");
  const reverted = page.getByRole("row").filter({ hasText: `Reverted by ${revertId}` });
  await expect(reverted).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: `Revert of ${runId}` })).toHaveCount(1);
  await page.goto(`/changes/${runId}`);
  await expect(page.getByRole("link", { name: revertId })).toBeVisible();
});

test("the revert is refused, saying what differs, once someone changed the cluster", async ({
  page,
  browser,
}) => {
  const runId = await applyWizard(page);
  const ctx = createAwsContext(
    {
      endpoint: process.env.E2E_SANDBOX_URL,
      regions: ["us-east-1"],
      defaultRegion: "us-east-1",
      maxAttempts: 1,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    },
    "us-east-1",
  );
  await modifyCacheCluster(ctx, "standalone-redis", { cacheParameterGroupName: "secure-noeviction" });
  await page.getByRole("link", { name: "Revert this apply" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "The cluster changed since this apply" });
  await expect(refusal).toContainText(
    "Parameter group of standalone-redis: now secure-noeviction; the run left bullmq-redis7-noeviction, and the revert would put back default.redis7.",
  );
  await expect(page.getByRole("button", { name: "Revert", exact: true })).toHaveCount(0);

  // A viewer is told who may revert, and gets no button.
  const viewer = await browser.newContext({ storageState: storageState.viewer });
  const viewerPage = await viewer.newPage();
  await viewerPage.goto(`/changes/${runId}`);
  await expect(viewerPage.getByText("Only an operator can revert this apply.")).toBeVisible();
  await expect(viewerPage.getByRole("link", { name: "Revert this apply" })).toHaveCount(0);
  await viewer.close();
});

test("after a revert, the inbound rule its apply added to the cluster's own group is offered for removal, and removed", async ({
  page,
}) => {
  // events-cluster's own group cache-no-redis has nothing on 6379: the apply adds a rule to it.
  const events =
    "/wizard/preview?account=123456789012&region=us-east-1&kind=replication-group&id=events-cluster" +
    "&sg=existing&sgId=sg-0cache00000000003&src=security-group&srcGroup=sg-0app000000000001" +
    "&pg=create&pgName=bullmq-events-noeviction";
  await page.goto(events);
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Readiness of events-cluster: Ready" })).toBeVisible({
    timeout: 60_000,
  });
  const runId = page.url().split("/changes/")[1]!;
  await page.getByRole("link", { name: "Revert this apply" }).click();
  await page.getByRole("button", { name: "Revert", exact: true }).click();
  await expect(page.getByTestId("run-message")).toHaveText(/^Done: events-cluster reads /, {
    timeout: 60_000,
  });
  const revertId = page.url().split("/changes/")[1]!;

  await page.goto("/changes");
  const offer = page.getByRole("listitem").filter({ hasText: /rule sgr-\S+ in sg-0cache00000000003/ });
  await expect(offer).toHaveCount(1);
  await expect(offer).toContainText(`from apply ${runId}`);
  await expect(offer).toContainText(`Run ${runId} was reverted (by ${revertId})`);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await offer.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/revert-rule-offer-${width}.png` });
  }
  await offer.getByRole("checkbox").check();
  await offer.getByRole("button", { name: "Remove" }).click();
  await expect(offer.getByRole("status")).toHaveText(/^Revoked sgr-\S+ from sg-0cache00000000003\.$/);
  await page.reload();
  await expect(
    page.getByRole("listitem").filter({ hasText: /rule sgr-\S+ in sg-0cache00000000003/ }),
  ).toHaveCount(0);
});
