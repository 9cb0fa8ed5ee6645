import { expect, storageState, test } from "./fixtures";

const FORGED_ACTION_ID = "7f".repeat(20);

test("every page carries the security headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("a server action POST without a session is refused and returns no data", async ({ request, baseURL }) => {
  const response = await request.post("/status", {
    headers: { "Next-Action": FORGED_ACTION_ID, Origin: baseURL!, "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  expect([303, 307, 308]).toContain(response.status());
  expect(response.headers()["location"]).toMatch(/\/sign-in\?callbackUrl=/);
  const body = await response.text();
  expect(body).not.toContain("orders-redis7");
});

test.describe("signed in", () => {
  test.use({ storageState: storageState.viewer });

  test("a forged action id is not executed and leaks nothing", async ({ request, baseURL }) => {
    const response = await request.post("/status", {
      headers: { "Next-Action": FORGED_ACTION_ID, Origin: baseURL!, "Content-Type": "text/plain;charset=UTF-8" },
      data: "[]",
      maxRedirects: 0,
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    const body = await response.text();
    expect(body).not.toContain("orders-redis7");
    expect(body).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});

test("the auth routes refuse a sign-in from a foreign origin without a CSRF token", async ({ request }) => {
  const response = await request.post("/api/auth/callback/credentials", {
    form: { username: "operator", password: "queueready", json: "true" },
    headers: { Origin: "https://evil.example.com" },
    maxRedirects: 0,
  });
  const location = response.headers()["location"] ?? (await response.text());
  expect(location).toContain("csrf=true");
});
