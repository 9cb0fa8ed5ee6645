import { expect, storageState, test } from "./fixtures";

// Pictures of the two main screens for a person to look at (test-results/screens/); they also fail
// the run if the pages do not render their main content.
test("sign-in screen", async ({ page, signInPage }) => {
  await signInPage.goto();
  await signInPage.signIn("operator", "wrong-password");
  await expect(signInPage.error("Wrong username or password.")).toBeVisible();
  await signInPage.password.fill("");
  await page.screenshot({ path: "test-results/screens/sign-in.png", fullPage: true });
});

test.describe("signed in", () => {
  test.use({ storageState: storageState.operator });

  test("status screen", async ({ page, statusPage }) => {
    await statusPage.goto();
    await expect(statusPage.row("orders-redis7")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/status.png", fullPage: true });
  });
});
