import { test as base, type Browser } from "@playwright/test";
import path from "node:path";
import { SignInPage, StatusPage } from "./pages";

export { expect } from "@playwright/test";

/** Signed-in browser states, made once by auth.setup.ts. */
export const storageState = {
  operator: path.join(__dirname, "..", ".queueready", "e2e", "operator.json"),
  viewer: path.join(__dirname, "..", ".queueready", "e2e", "viewer.json"),
};

/** The demo users the e2e server runs with (QUEUEREADY_DEMO=1). */
export const DEMO_PASSWORD = "queueready";

/** The sandbox's control API, for resetting state and injecting faults. */
export async function sandbox(
  pathname: string,
  init?: { method?: string; body?: unknown },
): Promise<Response> {
  const url = `${process.env.E2E_SANDBOX_URL}${pathname}`;
  const response = await fetch(url, {
    method: init?.method ?? "GET",
    headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url} answered ${response.status}`);
  return response;
}

/** Page objects as fixtures, so specs read as what a person does. */
export const test = base.extend<{ signInPage: SignInPage; statusPage: StatusPage }>({
  signInPage: async ({ page }, provide) => provide(new SignInPage(page)),
  statusPage: async ({ page }, provide) => provide(new StatusPage(page)),
});

/**
 * The status page shows the stored audit: after other specs changed the sandbox (applies, resets), put the
 * default seed back and store a fresh audit with the Refresh button, so counts match SEED.md.
 */
export async function freshAudit(browser: Browser): Promise<void> {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
  await sandbox("/_sandbox/config", { method: "POST", body: { latencyMs: 0 } });
  const context = await browser.newContext({ storageState: storageState.viewer });
  const page = await context.newPage();
  await page.goto("/status");
  await page.getByRole("button", { name: "Refresh", exact: true }).click();
  await page.getByRole("status").filter({ hasText: "Audited just now." }).waitFor({ timeout: 60_000 });
  await context.close();
}
