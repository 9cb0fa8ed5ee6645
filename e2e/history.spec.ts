import { readFile } from "node:fs/promises";
import path from "node:path";
import { openDatabase } from "../lib/adapters/db/open";
import { targetEvents } from "../lib/adapters/db/schema";
import type { TargetRef } from "../lib/core/identity/identity";
import { detailHref } from "../lib/core/identity/links";
import { expect, storageState, test } from "./fixtures";

test.use({ storageState: storageState.viewer });

const ref: TargetRef = {
  accountId: "123456789012",
  region: "us-east-1",
  kind: "replication-group",
  id: "secure-redis7",
};
/** The seeded organization's staging account; in a single-account run no audit knows its name. */
const OTHER_ACCOUNT = "210987654321";
const title = "Default parameter group default.redis7 attached: maxmemory-policy is volatile-lru";

// The e2e server runs no scheduled audit (its specs count AWS calls), so the events a scheduled audit
// would write are put in its database directly; no audit row is added, so the status page is unchanged.
test.beforeAll(async () => {
  const url = await readFile(path.join(process.env.E2E_DATA_DIR!, "database-url"), "utf8");
  const database = await openDatabase({ kind: "postgres", url, dataDir: "" });
  try {
    const base = {
      accountId: ref.accountId,
      region: ref.region,
      kind: ref.kind,
      targetId: ref.id,
      auditId: null,
    };
    const hour = 3_600_000;
    await database.db
      .insert(targetEvents)
      .values([
        {
          ...base,
          id: "e2e-first",
          event: "first-seen",
          verdictBefore: null,
          verdictAfter: "ready",
          findings: [],
          changedRules: [],
          at: new Date(Date.now() - 30 * hour),
          cause: [],
        },
        // A cluster of the same name in another account (the view is history: it may be gone since).
        {
          ...base,
          accountId: OTHER_ACCOUNT,
          id: "e2e-other-account",
          event: "new",
          verdictBefore: null,
          verdictAfter: "needs-changes",
          findings: [{ ruleId: "eviction-policy", severity: "fail", title }],
          changedRules: ["eviction-policy"],
          at: new Date(Date.now() - 2 * hour),
          cause: null,
        },
        {
          ...base,
          id: "e2e-regressed",
          event: "regressed",
          verdictBefore: "ready",
          verdictAfter: "needs-changes",
          findings: [{ ruleId: "eviction-policy", severity: "fail", title }],
          changedRules: ["eviction-policy"],
          at: new Date(Date.now() - hour),
          since: new Date(Date.now() - 2 * hour),
          cause: [
            {
              at: "2026-01-15T14:02:00.000Z",
              sourceType: "replication-group",
              sourceId: ref.id,
              message: "Modified replication group",
            },
          ],
          causeCheckedAt: new Date(),
        },
      ])
      .onConflictDoNothing();
  } finally {
    await database.close();
  }
});

test("the detail page shows the cluster's history with the rule that changed and the cause", async ({
  page,
}) => {
  await page.goto(detailHref(ref));
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText("Stopped being ready")).toBeVisible();
  await expect(history.getByText(`eviction-policy now fails: ${title}`)).toBeVisible();
  await expect(
    history.getByText(
      "Cause (AWS events): Modified replication group (replication-group secure-redis7) at 14:02 UTC",
    ),
  ).toBeVisible();
  // The server's own first audit may have recorded the cluster as well: at least one first sighting.
  await expect(history.getByText("First seen, ready").first()).toBeVisible();
});

test("/status/changes lists the last 24 h, newest first, linking each cluster to its page", async ({
  page,
  statusPage,
}) => {
  // The account's name as the status page shows it (management with the seeded organization).
  await statusPage.goto();
  const section = page.getByRole("region", { name: new RegExp(`\\(${ref.accountId}\\)$`) });
  const account = (await section.getAttribute("aria-label"))!.match(/^Account (.+) \(/)![1]!;
  await page.goto("/status/changes");
  await expect(page.getByRole("heading", { name: "Changed in the last 24 h" })).toBeVisible();
  const changes = page.getByRole("region", { name: "Changes" });
  await expect(changes.getByText("Stopped being ready")).toBeVisible();
  // First seen 30 h ago is outside the window (and first-seen is left out anyway).
  await expect(changes.getByText("First seen, ready")).toHaveCount(0);
  // The same id in two accounts: each entry names its account (the id on hover and spoken) and region,
  // in its link, so a list of links tells them apart too.
  const here = changes
    .getByRole("link", {
      name: `${ref.id} (${account}, ${ref.region}), account ${ref.accountId}`,
      exact: true,
    })
    .first();
  await expect(here).toContainText(`${ref.id} (${account}, ${ref.region})`);
  await expect(here.getByTitle(`Account ${ref.accountId}`)).toHaveText(account);
  // The other account's cluster was first seen there (not ready): a first sighting, on the "Everything"
  // tab with the changes, not among the changes alone.
  await expect(changes.getByRole("link", { name: new RegExp(OTHER_ACCOUNT) })).toHaveCount(0);
  await page
    .getByRole("navigation", { name: "Which events" })
    .getByRole("link", { name: /^Everything/ })
    .click();
  await expect(page).toHaveURL(/\/status\/changes\?show=all$/);
  const other = changes.getByRole("link", { name: new RegExp(`^${ref.id} \\(.*${OTHER_ACCOUNT}`) });
  // Named "staging" with the seeded organization; a single-account run knows no name for it.
  await expect(other).toHaveAccessibleName(
    new RegExp(
      `^${ref.id} \\((staging, ${ref.region}\\), account ${OTHER_ACCOUNT}|${OTHER_ACCOUNT}, ${ref.region}\\))$`,
    ),
  );
  await expect(other).toHaveAttribute("href", detailHref({ ...ref, accountId: OTHER_ACCOUNT }));
  // A stored audit that ran after the insert may add "Became ready" for it too: follow the first link.
  await here.click();
  await expect(page).toHaveURL(new RegExp(`${detailHref(ref)}$`));
  await expect(page.getByRole("region", { name: "History" })).toBeVisible();
});
