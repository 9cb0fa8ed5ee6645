/**
 * Undo in a member account, against the sandbox organization: staging (210987654321) read through its
 * read-only QueueReadyAudit role and changed through QueueReadyApply. Both staging and the management
 * account get a `bullmq-redis7-noeviction` group from an apply, each then unused: the history offers each
 * with its account, removing staging's uses staging's apply role, and management's group and its history
 * entry stay as they were.
 */
import { describe, expect, it } from "vitest";
import { previewPlan } from "@/lib/services/apply/preview";
import { listApplyRuns } from "@/lib/adapters/db/lookups";
import { startApply } from "@/lib/services/apply/start-apply";
import { undoResource } from "@/lib/services/apply/undo";
import { createAwsContext } from "@/lib/adapters/aws/context";
import { listCacheParameterGroups } from "@/lib/adapters/aws/elasticache/reads";
import { modifyReplicationGroup } from "@/lib/adapters/aws/elasticache/writes";
import { openScope } from "@/lib/services/estate/scope-access";
import { SANDBOX_EXTERNAL_ID, STAGING_ID, MANAGEMENT_ACCOUNT_ID as MANAGEMENT } from "@/tools/sandbox";
import { wizardChoices } from "@/tools/testing/apply-helpers";
import { estatePerFile } from "@/tools/testing/estate-harness";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { estateUndoCandidates } from "./estate-undo";
import { wizardSettings } from "@/lib/web/wizard/live";

const h = sandboxPerFile({ applyDelayMs: 50 });
const e = estatePerFile(h);
const operator = { name: "operator", role: "operator" } as const;
const GROUP = "bullmq-redis7-noeviction";
const role = (name: string) => `arn:aws:iam::${STAGING_ID}:role/${name}`;
const accounts = (applyRole: string) => ({
  accounts: [
    { id: MANAGEMENT, name: "management" },
    {
      id: STAGING_ID,
      name: "staging",
      roleArn: role("QueueReadyAudit"),
      applyRoleArn: role(applyRole),
      externalId: SANDBOX_EXTERNAL_ID,
    },
  ],
});

async function settingsOf(account: string, purpose: "read" | "apply") {
  const found = await wizardSettings(account, purpose);
  if (!found.ok) throw new Error(found.problem.message);
  return found.settings;
}

/** The wizard's recommended fix of `id` in `account`, previewed with READ and applied with APPLY settings. */
async function applyIn(account: string, id: string) {
  const read = await settingsOf(account, "read");
  const target = { accountId: account, region: "us-east-1", kind: "replication-group", id } as const;
  const choices = await wizardChoices(await openScope(read, "us-east-1"), target);
  const preview = await previewPlan({ ...e.options, settings: read, choices, user: operator });
  if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
  const apply = await settingsOf(account, "apply");
  const started = await startApply({
    ownerGuard: "off",
    ...e.options,
    settings: apply,
    user: operator,
    previewId: preview.previewId,
  });
  const run = await started.finished;
  expect([run.status, run.created.map((c) => c.type)]).toEqual([
    "succeeded",
    ["cache-parameter-group", "metric-alarm"],
  ]);
  // Put the cluster back on the default group: what the run created is now unused.
  await modifyReplicationGroup(createAwsContext(apply, "us-east-1"), id, {
    cacheParameterGroupName: "default.redis7",
  });
}

const groupsNamed = async (account: string) =>
  (await listCacheParameterGroups(createAwsContext(await settingsOf(account, "read"), "us-east-1"))).filter(
    (g) => g.name === GROUP,
  );

const offered = async () =>
  (await estateUndoCandidates({ db: e.options.db })).candidates
    .map((c) => [c.accountId, c.accountName, c.type, "name" in c ? c.name : c.groupId])
    .sort();

describe("undo in a member account", () => {
  it("lists staging's unused group through its read role, removes it with its apply role, leaves management's alone", async () => {
    e.useAccounts(accounts("QueueReadyApply"));
    await applyIn(MANAGEMENT, "orders-redis7");
    await applyIn(STAGING_ID, "stg-orders");
    expect(await offered()).toEqual([
      [MANAGEMENT, "management", "cache-parameter-group", GROUP],
      [STAGING_ID, "staging", "cache-parameter-group", GROUP],
    ]);

    // The listing needs only the read role: with an apply role that cannot be assumed it still works,
    // and the removal (which needs that role) says why and removes nothing.
    e.useAccounts(accounts("QueueReadyMissing"));
    const listed = await estateUndoCandidates({ db: e.options.db });
    expect(listed.problems).toEqual([]);
    const staging = listed.candidates.find((c) => c.accountId === STAGING_ID)!;
    expect(staging).toMatchObject({
      type: "cache-parameter-group",
      name: GROUP,
      reason: `${GROUP} is attached to no cluster.`,
    });
    const removal = { ...e.options, user: operator, candidate: staging };
    await expect(
      undoResource({ ...removal, settings: await settingsOf(STAGING_ID, "apply") }),
    ).rejects.toMatchObject({
      problem: { message: expect.stringMatching(/cannot assume .*QueueReadyMissing/) },
    });
    // The read role may not write: removal never goes through it.
    await expect(
      undoResource({ ...removal, settings: await settingsOf(STAGING_ID, "read") }),
    ).rejects.toMatchObject({
      name: "AwsError",
    });
    expect(await groupsNamed(STAGING_ID)).toHaveLength(1);

    e.useAccounts(accounts("QueueReadyApply"));
    expect(await undoResource({ ...removal, settings: await settingsOf(STAGING_ID, "apply") })).toBe(
      `Deleted parameter group ${GROUP}.`,
    );
    expect(await groupsNamed(STAGING_ID)).toEqual([]);
    // Management's group of the same name, and its history entry, are untouched and still offered.
    expect(await groupsNamed(MANAGEMENT)).toHaveLength(1);
    const runs = await listApplyRuns({ db: e.options.db });
    const created = (account: string) => runs.find((r) => r.target.accountId === account)!.created[0]!;
    expect(created(STAGING_ID)).toMatchObject({ removedBy: "operator" });
    expect(created(MANAGEMENT).removedAt).toBeUndefined();
    expect(await offered()).toEqual([[MANAGEMENT, "management", "cache-parameter-group", GROUP]]);
  });
});
