import type { Page } from "@playwright/test";

/** The reason the specs give when a flow applies to a cluster the seeded orders-cache stack owns. */
export const OVERRIDE_REASON = "e2e: the seeded stack is a fixture";

/**
 * Applies the preview on the page. orders-redis7 (and the cache-prod group) belong to the seeded
 * orders-cache stack, so its preview offers "Apply anyway" with a reason instead of Apply.
 */
export async function applyPreview(page: Page, opts: { owned?: boolean } = {}): Promise<void> {
  if (opts.owned) {
    await page.getByLabel("Reason to apply anyway").fill(OVERRIDE_REASON);
    await page.getByRole("button", { name: "Apply anyway", exact: true }).click();
  } else await page.getByRole("button", { name: "Apply", exact: true }).click();
}
