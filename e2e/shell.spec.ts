import { expect, storageState, test } from "./fixtures";

// The frame around every signed-in page: navigation, who is signed in, where a too-low role lands.
test.use({ storageState: storageState.viewer });

test("the header marks the current section and shows the user with their role", async ({
  page,
  statusPage,
}) => {
  await statusPage.goto();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Status" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Changes" })).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("current-user")).toHaveText(/^Signed in as viewer, role\s*viewer$/);
  await expect(page.getByText("Demo · sandbox, not AWS")).toBeVisible();
  // The demo audits the seeded organization: the header counts its accounts (from the stored audit) and
  // names the management account as the one whose credentials list them, in words for screen readers.
  await page.reload();
  const account = page.getByTestId("current-account");
  await expect(account.locator("[aria-hidden]")).toHaveText("Organization · 4 accounts · via 123456789012");
  await expect(account.locator(".sr-only")).toHaveText(
    "QueueReady audits the AWS Organization's 4 accounts, listed with the credentials of account 123456789012.",
  );
  await nav.getByRole("link", { name: "Changes" }).click();
  await expect(page).toHaveURL(/\/changes$/);
  await expect(nav.getByRole("link", { name: "Changes" })).toHaveAttribute("aria-current", "page");
});

test("a viewer sent to an operator-only place is told which role it needs", async ({ page }) => {
  await page.goto("/forbidden?need=operator");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText("This needs the operator role")).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("viewer");
});

test("an unknown address gets the not-found page with a way back", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to status" }).click();
  await expect(page).toHaveURL(/\/status$/);
});
