import { test as base } from "@playwright/test";
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
