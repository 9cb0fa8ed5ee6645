import { expect, test } from "./fixtures";

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

test("the auth routes refuse a sign-in from a foreign origin without a CSRF token", async ({ request }) => {
  const response = await request.post("/api/auth/callback/credentials", {
    form: { username: "operator", password: "queueready", json: "true" },
    headers: { Origin: "https://evil.example.com" },
    maxRedirects: 0,
  });
  const location = response.headers()["location"] ?? (await response.text());
  expect(location).toContain("csrf=true");
});
