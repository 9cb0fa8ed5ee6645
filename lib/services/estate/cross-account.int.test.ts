/**
 * The app's path into a member account, end to end against the sandbox organization: the estate from the
 * environment (as the server reads it), the wizard's read settings for the preview, the apply settings for
 * the apply, and accounts that are unknown or unreachable.
 */
import { describe, expect, it } from "vitest";
import { previewPlan } from "@/lib/services/apply/preview";
import { startApply } from "@/lib/services/apply/start-apply";
import { createAwsContext } from "@/lib/adapters/aws/context";
import { listCacheClusters, listCacheParameterGroups } from "@/lib/adapters/aws/elasticache/reads";
import { listSecurityGroups } from "@/lib/adapters/aws/ec2/reads";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { openScope } from "./scope-access";
import { expectLiveMatchesPlan, wizardChoices } from "@/tools/testing/apply-helpers";
import { estatePerFile } from "@/tools/testing/estate-harness";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { wizardSettings } from "@/lib/web/wizard/live";
import { accountSettings, findAccount } from "./index";

const h = sandboxPerFile({ applyDelayMs: 100 });
const e = estatePerFile(h);
const STAGING = "210987654321";
const operator = { name: "operator", role: "operator" };

/** What an apply could touch in the management account: its groups and what each cluster is attached to. */
async function managementState(settings: AwsSettings) {
  const ctx = createAwsContext(settings, "us-east-1");
  return {
    parameterGroups: (await listCacheParameterGroups(ctx)).map((g) => g.name).sort(),
    securityGroups: (await listSecurityGroups(ctx)).map((g) => [g.id, g.ingress.length]),
    clusters: (await listCacheClusters(ctx)).map((c) => [
      c.id,
      c.parameterGroup?.name,
      c.securityGroups.map((g) => g.id),
    ]),
  };
}

describe("the wizard and apply in a member account", () => {
  it("previews with the staging READ role, applies with its APPLY settings, and leaves management alone", async () => {
    const read = await wizardSettings(STAGING, "read");
    if (!read.ok) throw new Error(read.problem.message);
    expect([read.account.name, read.account.applyRole]).toEqual([
      "staging",
      `arn:aws:iam::${STAGING}:role/OrganizationAccountAccessRole`,
    ]);
    const own = await accountSettings("123456789012", "read");
    if (!own.ok) throw new Error("the management account must be reachable");
    const before = await managementState(own.settings);

    const access = await openScope(read.settings, "us-east-1");
    expect(access.scope.accountId).toBe(STAGING);
    const target = {
      accountId: STAGING,
      region: "us-east-1",
      kind: "replication-group",
      id: "stg-orders",
    } as const;
    const choices = await wizardChoices(access, target);
    const preview = await previewPlan({ ...e.options, settings: read.settings, choices, user: operator });
    if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
    expect(preview.plan.target.accountId).toBe(STAGING);

    const apply = await wizardSettings(preview.plan.target.accountId, "apply");
    if (!apply.ok) throw new Error(apply.problem.message);
    h.sandbox.control.resetCalls();
    const started = await startApply({
      ownerGuard: "off",
      ...e.options,
      settings: apply.settings,
      user: operator,
      previewId: preview.previewId,
    });
    const run = await started.finished;
    expect([run.status, run.target.accountId]).toEqual(["succeeded", STAGING]);
    await expectLiveMatchesPlan(createAwsContext(read.settings, "us-east-1"), preview.plan);
    expect(await managementState(own.settings)).toEqual(before);
  });

  it("an account that is not configured is not found, and costs no AWS call", async () => {
    await findAccount(STAGING); // the estate, listed once
    h.sandbox.control.resetCalls();
    expect(await findAccount("999999999999")).toEqual({ ok: false, notFound: true });
    expect(await wizardSettings("999999999999")).toMatchObject({ ok: false, notFound: true });
    expect(await wizardSettings("not-an-id")).toMatchObject({ ok: false, notFound: true });
    expect(Object.values(h.sandbox.control.calls()).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it("an account whose role trusts nobody is found, with the role's reason", async () => {
    const research = await findAccount("456789012345");
    expect(research.ok).toBe(false);
    if (research.ok || research.notFound) throw new Error("research should be found with its problem");
    expect(research.account?.name).toBe("research");
    expect(research.problem.message).toMatch(
      /cannot assume arn:aws:iam::456789012345:role\/OrganizationAccountAccessRole/,
    );
  });
});
