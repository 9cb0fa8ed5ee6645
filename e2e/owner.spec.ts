import { readFile } from "node:fs/promises";
import { parse as parseHcl } from "@cdktf/hcl2json";
import { parse as parseYaml } from "yaml";
import { OVERRIDE_REASON } from "./apply";
import { WIZARD_PAGES } from "./ui-checks";
import { expect, sandbox, storageState, test } from "./fixtures";

// orders-redis7 belongs to the seeded orders-cache stack: its preview offers the fix as the owner's code,
// and applying here is "Apply anyway" with a reason that the history keeps.
test.use({ storageState: storageState.operator });
test.describe.configure({ timeout: 90_000 });

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Calls = Record<string, number>;
const writes = async () =>
  Object.keys((await (await sandbox("/_sandbox/calls")).json()) as Calls).filter((c) =>
    /:(Create|Modify|Authorize|Add|Delete|Revoke)/.test(c),
  );

test("an owned target: the fix as code downloads and parses, Apply anyway needs a reason, the history keeps it", async ({
  page,
}, info) => {
  await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
  await page.goto(WIZARD_PAGES.preview);
  await expect(page.getByTestId("owned-writes")).toContainText(
    "replication-group orders-redis7 (ModifyReplicationGroup) is owned by CloudFormation stack orders-cache (OrdersReplicationGroup)",
  );
  await expect(page.getByRole("button", { name: "Apply", exact: true })).toHaveCount(0);

  const download = async (name: string, file: string) => {
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
    await d.saveAs(info.outputPath(file));
    return { name: d.suggestedFilename(), text: await readFile(info.outputPath(file), "utf8") };
  };
  const cfn = await download("Download CloudFormation", "fix.yaml");
  expect(cfn.name).toBe("queueready-fix-us-east-1-orders-redis7.yaml");
  const template = parseYaml(cfn.text, { version: "1.1" }) as Doc;
  const change = template.Resources.OrdersReplicationGroup;
  expect(change.Type).toBe("AWS::ElastiCache::ReplicationGroup");
  const group = template.Resources[change.Properties.CacheParameterGroupName.Ref];
  expect(group.Properties.Properties).toMatchObject({ "maxmemory-policy": "noeviction" });
  const tf = await download("Download Terraform", "fix.tf");
  expect(tf.name).toBe("queueready-fix-us-east-1-orders-redis7.tf");
  const hcl = (await parseHcl("fix.tf", tf.text)) as Doc;
  const [pg] = Object.values(hcl.resource.aws_elasticache_parameter_group)[0] as Doc[];
  expect(pg!.parameter).toContainEqual({ name: "maxmemory-policy", value: "noeviction" });
  expect(Object.values(hcl.resource.aws_elasticache_replication_group)[0]).toEqual([
    expect.objectContaining({ apply_immediately: true }),
  ]);

  // A format the route does not know is a clear 400, not a plan in some other format.
  const href = await page.getByRole("link", { name: "Download Terraform" }).getAttribute("href");
  const unknown = await page.request.get(href!.replace("format=terraform", "format=pulumi"));
  expect(unknown.status()).toBe(400);
  expect(await unknown.json()).toEqual({
    error: "Unknown format: use one of json, sh, terraform, cloudformation.",
  });

  // Refused without a reason worth keeping: the form says why, and nothing was written.
  await sandbox("/_sandbox/calls", { method: "DELETE" });
  const reason = page.getByLabel("Reason to apply anyway");
  await reason.fill("because");
  await page.getByRole("button", { name: "Apply anyway", exact: true }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "The reason to apply anyway needs attention." }),
  ).toBeVisible();
  await expect(page.getByText(/Give a reason of 10 to 500 characters/)).toBeVisible();
  expect(await writes()).toEqual([]);

  await reason.fill(OVERRIDE_REASON);
  await page.getByRole("button", { name: "Apply anyway", exact: true }).click();
  await expect(page).toHaveURL(/\/changes\/[0-9a-z-]+$/);
  await expect(page.getByTestId("owner-override")).toContainText(OVERRIDE_REASON);
  await expect(page.getByTestId("owner-override")).toContainText(
    "is owned by CloudFormation stack orders-cache",
  );
  await expect(page.getByRole("heading", { name: "Readiness of orders-redis7: Ready" })).toBeVisible({
    timeout: 60_000,
  });
  await page.goto("/changes");
  await expect(
    page.getByText(`Applied despite its owner: "${OVERRIDE_REASON}"`, { exact: false }).first(),
  ).toBeVisible();
});
