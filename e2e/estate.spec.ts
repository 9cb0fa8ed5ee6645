import { expect, storageState, test } from "./fixtures";

// The e2e server runs with the seeded organization (as `npm run demo` does): every member account has its
// own detail pages and wizard, read through that account's role.
test.use({ storageState: storageState.operator });

const STAGING = "210987654321";

test("a staging cluster's detail page names its account, and the wizard's first step stays in it", async ({
  page,
}) => {
  await page.goto(`/status/${STAGING}/us-east-1/replication-group/stg-orders`);
  await expect(page.getByRole("heading", { level: 1, name: "stg-orders" })).toBeVisible();
  await expect(page.getByTestId("detail-account")).toHaveText(`staging (${STAGING}) · us-east-1`);
  await page.getByRole("link", { name: "Fix with the wizard" }).click();
  await expect(page).toHaveURL(
    new RegExp(`/wizard/target\\?account=${STAGING}&region=us-east-1&kind=replication-group&id=stg-orders$`),
  );
  const accounts = page.getByRole("navigation", { name: "Account" });
  await expect(accounts.getByRole("link", { name: /staging/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("radio", { name: /stg-orders/ })).toBeChecked();
  // The management account's clusters are not offered here.
  await expect(page.getByRole("radio", { name: /orders-redis7/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Continue to network access" }).click();
  await expect(page).toHaveURL(
    new RegExp(`/wizard/network\\?account=${STAGING}&region=us-east-1&kind=replication-group&id=stg-orders`),
  );
  await expect(page.getByRole("heading", { name: "Network access" })).toBeVisible();
});

test("an account that is not configured is a 404; one whose role trusts nobody says why", async ({
  page,
}) => {
  const missing = await page.goto("/status/999999999999/us-east-1/replication-group/stg-orders");
  expect(missing?.status()).toBe(404);
  // The wizard streams (its loading state is sent first), so its not-found arrives as the page, not a status.
  await page.goto("/wizard/target?account=999999999999&region=us-east-1");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.goto("/status/456789012345/us-east-1/replication-group/research-redis7");
  await expect(
    page.getByText(/cannot assume arn:aws:iam::456789012345:role\/OrganizationAccountAccessRole/),
  ).toBeVisible();
});

test("a detail link from before URLs named the account goes to QueueReady's own account", async ({
  page,
}) => {
  await page.goto("/status/us-east-1/replication-group/orders-redis7");
  await expect(page).toHaveURL(/\/status\/123456789012\/us-east-1\/replication-group\/orders-redis7$/);
  await expect(page.getByTestId("detail-account")).toHaveText("management (123456789012) · us-east-1");
});
