import { execFileSync } from "node:child_process";
import { expect, storageState, test } from "./fixtures";

test.use({ storageState: storageState.operator });

const hasRedis = (() => {
  try {
    execFileSync("sh", ["-c", "command -v redis-server"]);
    return true;
  } catch {
    return false;
  }
})();

test.skip(!hasRedis, "redis-server is not on PATH: the e2e server runs no engines (.ci/run installs it)");

test("Verify on the engine shows what the engine says beside what the API says", async ({ page }) => {
  await page.goto("/status/123456789012/us-east-1/replication-group/jobs-valkey8");
  const card = page.getByRole("region", { name: "Engine check" });
  await expect(card).toContainText("Not verified on the engine yet");
  await card.getByRole("button", { name: "Verify on the engine" }).click();
  await expect(card.getByRole("status")).toContainText(
    "Verified: noeviction on the engine and a BullMQ job ran.",
  );
  const table = card.getByRole("table");
  await expect(table.getByRole("row", { name: /Eviction policy/ })).toContainText("noeviction");
  await expect(table.getByRole("columnheader", { name: "engine says" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "API says" })).toBeVisible();
  await expect(card).toContainText("BullMQ smoke job passed");
  await expect(card).toContainText("Last checked");
});

test("an AUTH cluster asks for its token and says clearly when it is wrong", async ({ page }) => {
  await page.goto("/status/123456789012/us-east-1/replication-group/secure-redis7");
  const card = page.getByRole("region", { name: "Engine check" });
  await card.getByLabel(/AUTH token/).fill("definitely-not-the-token");
  await card.getByRole("button", { name: "Verify on the engine" }).click();
  await expect(card.getByRole("status")).toContainText("The AUTH token was refused.");
  await expect(page.getByText("definitely-not-the-token")).toHaveCount(0);
});
