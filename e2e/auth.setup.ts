import { DEMO_PASSWORD, expect, storageState, test } from "./fixtures";

// Sign in once per role through the real form and keep the cookies for every other spec.
for (const role of ["operator", "viewer"] as const) {
  test(`sign in as ${role}`, async ({ page, signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn(role, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/status$/);
    await expect(page.getByTestId("current-user")).toHaveText(
      new RegExp(`^Signed in as ${role}, role\\s*${role}$`),
    );
    await page.context().storageState({ path: storageState[role] });
  });
}
