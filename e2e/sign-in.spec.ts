import { DEMO_PASSWORD, expect, test } from "./fixtures";

const US_EAST_1 = [
  "ancient-redis4",
  "busy-redis7",
  "cache-redis62",
  "events-cluster",
  "jobs-valkey8",
  "legacy-redis5",
  "orders-redis7",
  "secure-redis7",
  "serverless-queue",
  "sessions-memcached",
  "sessions-redis62",
  "standalone-redis",
];

test("an operator signs in, sees every cluster, filters to eu-west-1 and signs out", async ({
  page,
  signInPage,
  statusPage,
}) => {
  await signInPage.goto();
  await expect(page.getByRole("complementary", { name: "Demo mode" })).toContainText(DEMO_PASSWORD);
  await signInPage.signIn("operator", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/status$/);
  await expect(page.getByTestId("current-user")).toContainText("operator");

  await expect(page.getByText("The first audit is running")).toHaveCount(0, { timeout: 30_000 });
  expect(await statusPage.names()).toEqual(expect.arrayContaining(US_EAST_1));
  await expect(statusPage.row("legacy-redis5")).toContainText("Redis OSS 5.0.6");
  await expect(statusPage.row("legacy-redis5")).toContainText("default.redis5.0");
  await expect(statusPage.row("events-cluster")).toContainText("cluster mode · 2 shards × 2 nodes");
  await expect(statusPage.row("busy-redis7")).toContainText("modifying");
  await expect(statusPage.row("cache-redis62")).toContainText("vpc-0stag00000000002");

  await page.getByLabel("Region", { exact: true }).selectOption("eu-west-1");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page).toHaveURL(/\?region=eu-west-1$/);
  expect((await statusPage.names()).sort()).toEqual(["eu-jobs-valkey7", "eu-orders", "eu-serverless"]);
  await expect(statusPage.row("eu-orders")).toContainText("vpc-0euprod0000000001");

  await statusPage.signOut();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/status");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});

test("a wrong password gets one plain message, the same as an unknown user", async ({ page, signInPage }) => {
  await signInPage.goto();
  await signInPage.signIn("operator", "not-the-password");
  await expect(signInPage.error("Wrong username or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signInPage.signIn("nobody-here", DEMO_PASSWORD);
  await expect(signInPage.error("Wrong username or password.")).toBeVisible();
  await expect(signInPage.username).toHaveAttribute("aria-invalid", "true");
});

test("repeated failures are refused for a while with a clear message", async ({ signInPage }) => {
  await signInPage.goto();
  for (let i = 0; i < 5; i++) {
    await signInPage.signIn("mallory", `guess-${i}`);
    await expect(signInPage.error("Wrong username or password.")).toBeVisible();
  }
  await signInPage.signIn("mallory", "guess-5");
  await expect(
    signInPage.error(/^Too many failed sign-in attempts\. Try again in 10 minutes\.$/),
  ).toBeVisible();
});

test("a signed-out visitor of /status lands on /sign-in and returns there after signing in", async ({
  page,
  signInPage,
}) => {
  await page.goto("/status?region=eu-west-1");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signInPage.signIn("viewer", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/status\?region=eu-west-1$/);
  await expect(page.getByTestId("current-user")).toContainText("viewer");
});
