import { expect, storageState, test } from "./fixtures";
import { actionHeaders, builtActions } from "./server-actions";

// Any server action is reachable by a direct POST, whatever the page shows: each one must check the
// session and the role itself (validatedAction). Called with an empty input, none may succeed.
const actions = builtActions();
const VIEWER_ACTIONS = new Set(["refreshAuditAction"]);

test("the build has server actions to check", () => {
  expect(actions.length).toBeGreaterThan(0);
});

test("without a session, no server action runs: the visitor is sent to sign in", async ({
  request,
  baseURL,
}) => {
  for (const action of actions) {
    const response = await request.post(action.url, {
      headers: actionHeaders(action.id, baseURL!),
      data: "[null,{}]",
      maxRedirects: 0,
    });
    expect(response.status(), action.name).toBe(307);
    expect(response.headers()["location"], action.name).toMatch(/\/sign-in\?callbackUrl=/);
    expect(await response.text(), action.name).not.toContain('"ok":true');
  }
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageState.viewer });

  test("operator actions refuse with 'forbidden' before reading the input; none succeeds", async ({
    request,
    baseURL,
  }) => {
    const codes: Record<string, string> = {};
    for (const action of actions) {
      const response = await request.post(action.url, {
        headers: actionHeaders(action.id, baseURL!),
        data: "[null,{}]",
        maxRedirects: 0,
      });
      const body = await response.text();
      // Refresh (re-audit now) is a viewer's action by design: it changes nothing in AWS.
      if (VIEWER_ACTIONS.has(action.name)) continue;
      expect(body, action.name).not.toContain('"ok":true');
      codes[action.name] = body.match(/"code":"([a-z-]+)"/)?.[1] ?? `http ${response.status()}`;
    }
    for (const [name, code] of Object.entries(codes))
      expect(["forbidden", "invalid-input"], `${name}: ${code}`).toContain(code);
    // Applying changes is the operator's job: at least one action must say so to a viewer.
    expect(Object.values(codes)).toContain("forbidden");
  });

  test("an unknown action id is not executed and leaks nothing", async ({ request, baseURL }) => {
    const forged = "7f" + "ab".repeat(20);
    const response = await request.post("/status", {
      headers: actionHeaders(forged, baseURL!),
      data: "[]",
      maxRedirects: 0,
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    const body = await response.text();
    expect(body).not.toContain("orders-redis7");
    expect(body).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});
