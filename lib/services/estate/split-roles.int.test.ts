/**
 * Separate read and apply roles in a member account (the explicit accounts file): a read-only role never
 * answers for the apply role, and an apply role that cannot be assumed stops the apply with its reason.
 */
import { describe, expect, it } from "vitest";
import { previewPlan } from "@/lib/services/apply/preview";
import { startApply } from "@/lib/services/apply/start-apply";
import { createAwsContext } from "@/lib/adapters/aws/context";
import { listReplicationGroups } from "@/lib/adapters/aws/elasticache/reads";
import { openScope } from "./scope-access";
import { wizardChoices } from "@/tools/testing/apply-helpers";
import { estatePerFile } from "@/tools/testing/estate-harness";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { applyFailure } from "@/lib/web/wizard/apply-failure";
import { wizardSettings } from "@/lib/web/wizard/live";

const h = sandboxPerFile({ applyDelayMs: 100 });
const e = estatePerFile(h);
const STAGING = "210987654321";
const operator = { name: "operator", role: "operator" };
const target = {
  accountId: STAGING,
  region: "us-east-1",
  kind: "replication-group",
  id: "stg-orders",
} as const;
const staging = (applyRole: string) => ({
  accounts: [
    { id: "123456789012", name: "management" },
    {
      id: STAGING,
      name: "staging",
      roleArn: `arn:aws:iam::${STAGING}:role/QueueReadyAudit`,
      applyRoleArn: `arn:aws:iam::${STAGING}:role/${applyRole}`,
      externalId: "queueready-sandbox",
    },
  ],
});

describe("separate read and apply roles", () => {
  it("an apply role that cannot be assumed: nothing runs, and the form names the role and why", async () => {
    e.useAccounts(staging("QueueReadyMissing"));
    const read = await wizardSettings(STAGING, "read");
    if (!read.ok) throw new Error(read.problem.message);
    const access = await openScope(read.settings, "us-east-1");
    const preview = await previewPlan({
      ...e.options,
      settings: read.settings,
      choices: await wizardChoices(access, target),
      user: operator,
    });
    if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
    const apply = await wizardSettings(STAGING, "apply");
    if (!apply.ok) throw new Error(apply.problem.message);
    const started = startApply({
      ownerGuard: "off",
      ...e.options,
      settings: apply.settings,
      user: operator,
      previewId: preview.previewId,
    });
    const err = await started.then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(applyFailure(err)).toEqual({
      ok: false,
      code: "access-denied",
      message: `Nothing was applied. QueueReady cannot assume arn:aws:iam::${STAGING}:role/QueueReadyMissing (AccessDenied): its trust policy must allow QueueReady's identity with the configured ExternalId.`,
    });
    // Nothing changed in staging: the cluster keeps its default group.
    const groups = await listReplicationGroups(createAwsContext(read.settings, "us-east-1"));
    expect(groups.find((g) => g.id === "stg-orders")?.status).toBe("available");
  });

  it("with a read-only read role, EC2 DryRun is asked as the apply role, or left to an operator", async () => {
    e.useAccounts(staging("QueueReadyApply"));
    const read = await wizardSettings(STAGING, "read");
    const apply = await wizardSettings(STAGING, "apply");
    if (!read.ok || !apply.ok) throw new Error("staging should be reachable");
    const access = await openScope(read.settings, "us-east-1");
    // A CIDR source needs a new rule, so the plan has an EC2 call to dry-run.
    const choices = await wizardChoices(access, target, {
      network: {
        securityGroup: { mode: "existing", groupId: "sg-02109cache000001" },
        source: { kind: "cidr", cidr: "10.99.0.0/16" },
      },
    });
    const dryRun = async (opt: false | typeof apply.settings | undefined) => {
      const p = await previewPlan({
        ...e.options,
        settings: read.settings,
        choices,
        user: operator,
        dryRun: opt,
      });
      if (!p.ok) throw new Error(JSON.stringify(p.fieldErrors));
      return p.permissions.find((c) => c.operation === "AuthorizeSecurityGroupIngress")?.result;
    };
    expect(await dryRun(undefined)).toBe("denied"); // the read-only role may not, and would mislead
    expect(await dryRun(apply.settings)).toBe("allowed");
    expect(await dryRun(false)).toBe("not-checked");
  });
});
