import { DEMO_PASSWORD, expect, storageState, test } from "./fixtures";
import { actionHeaders, builtActions } from "./server-actions";

// What a red team tried on sign-in and the routes (issue 9, items 7-12), each answered without a 500.

test("a callbackUrl the browser would read as another host ends on this site", async ({
  page,
  signInPage,
  baseURL,
}) => {
  await page.goto("/sign-in?callbackUrl=%2F%09%2Fevil.example");
  await signInPage.signIn("viewer", DEMO_PASSWORD);
  await expect(page).toHaveURL(`${baseURL}/status`);
});

test("the sign-in page shows only its own error messages", async ({ page, signInPage }) => {
  await page.goto("/sign-in?error=Too%20many%20failed%20sign-in%20attempts.%20Call%20%2B1%20555%200100");
  await expect(signInPage.error("Sign-in did not work. Try again.")).toBeVisible();
  await expect(page.getByText("555 0100")).toHaveCount(0);
});

test("a signed-out session cookie no longer works, even replayed", async ({
  page,
  context,
  signInPage,
  statusPage,
}) => {
  await signInPage.goto();
  await signInPage.signIn("viewer", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/status$/);
  const copy = await context.cookies();
  await statusPage.signOut();
  await expect(page).toHaveURL(/\/sign-in/);
  await context.addCookies(copy);
  await page.goto("/status");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to QueueReady" })).toBeVisible();
});

test.describe("as an operator", () => {
  test.use({ storageState: storageState.operator });

  test("a line break in callbackUrl is a redirect on this site, not a 500", async ({ request }) => {
    const response = await request.get("/sign-in?callbackUrl=%2Fsta%0Atus", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toBe("/status");
  });

  test("ids too long for any record are not found (404), not a 500", async ({ request }) => {
    const long = "a".repeat(300);
    expect((await request.get(`/changes/${long}`)).status()).toBe(404);
    expect((await request.get(`/changes/plan/${long}`)).status()).toBe(404);
  });

  test("the export refuses a region that is not configured instead of exporting the default", async ({
    request,
  }) => {
    const response = await request.get("/api/audit/export?format=csv&region=ap-south-9");
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toBe(
      'Region "ap-south-9" is not configured; configured: us-east-1, eu-west-1.',
    );
    expect((await request.get("/api/audit/export?format=csv&region=eu-west-1")).status()).toBe(200);
  });

  test("a body over 1 MB is refused with 413, for actions and the auth routes alike", async ({
    request,
    baseURL,
  }) => {
    const big = "x".repeat(1024 * 1024 + 1);
    const action = builtActions()[0]!;
    const toAction = await request.post(action.url, {
      headers: actionHeaders(action.id, baseURL!),
      data: big,
    });
    expect(toAction.status()).toBe(413);
    const toAuth = await request.post("/api/auth/callback/credentials", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: `username=operator&password=${big}`,
    });
    expect(toAuth.status()).toBe(413);
  });
});
