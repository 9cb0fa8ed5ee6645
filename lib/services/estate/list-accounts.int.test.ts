import { describe, expect, it } from "vitest";
import type { AccountsConfig } from "./accounts-file";
import { listEstateAccounts, type EstateAccount } from "./list-accounts";
import { createAwsContext } from "@/lib/adapters/aws/context";
import { createCacheParameterGroup } from "@/lib/adapters/aws/elasticache/writes";
import { listReplicationGroups } from "@/lib/adapters/aws/elasticache/reads";
import { AwsError } from "@/lib/adapters/aws/errors";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { getCallerIdentity } from "@/lib/adapters/aws/sts/caller-identity";

const h = sandboxPerFile();
const org = (extra: Record<string, unknown> = {}): AccountsConfig =>
  ({
    organization: { memberRoleName: "OrganizationAccountAccessRole", exclude: [], ...extra },
  }) as AccountsConfig;
const summary = (scopes: EstateAccount[]) =>
  scopes.map((s) => [s.accountId, s.name, s.read ? "ok" : s.problem?.awsCode]);

async function groupsOf(scope: EstateAccount, region = "us-east-1"): Promise<string[]> {
  return (await listReplicationGroups(createAwsContext(scope.read!, region))).map((g) => g.id);
}

describe("listEstateAccounts against the sandbox organization", () => {
  it("without a file: the one account the credentials belong to", async () => {
    const scopes = await listEstateAccounts(h.settings, undefined);
    expect(summary(scopes)).toEqual([["123456789012", "123456789012", "ok"]]);
    expect(scopes[0]!.regions).toEqual(["us-east-1", "eu-west-1"]);
  });

  it("organization mode: ACTIVE accounts minus exclusions, each with its own credentials or its problem", async () => {
    h.sandbox.control.resetCalls();
    const scopes = await listEstateAccounts(
      h.settings,
      org({ externalId: "queueready-sandbox", regions: ["us-east-1"] }),
    );
    expect(summary(scopes)).toEqual([
      ["123456789012", "management", "ok"],
      ["210987654321", "staging", "ok"],
      ["345678901234", "payments", "ok"],
      ["456789012345", "research", "AccessDenied"],
    ]);
    expect(scopes[3]!.problem!.message).toBe(
      "QueueReady cannot assume arn:aws:iam::456789012345:role/OrganizationAccountAccessRole (AccessDenied): its trust policy must allow QueueReady's identity with the configured ExternalId.",
    );
    expect(await groupsOf(scopes[1]!)).toEqual(["stg-orders", "stg-jobs-valkey8"]);
    expect(await groupsOf(scopes[2]!)).toEqual(["pay-ledger-redis62", "pay-queue-cluster"]);
    expect((await getCallerIdentity(scopes[2]!.read!, "eu-west-1")).accountId).toBe("345678901234");
    const calls = h.sandbox.control.calls();
    expect([calls["organizations:ListAccounts"], calls["sts:AssumeRole"]]).toEqual([1, 3]);

    // Credentials are cached: a second listing and more reads assume no role again.
    const again = await listEstateAccounts(
      h.settings,
      org({ externalId: "queueready-sandbox", regions: ["us-east-1"] }),
    );
    await groupsOf(again[1]!);
    expect(h.sandbox.control.calls()["sts:AssumeRole"]).toBe(4); // research fails, so it is retried
  });

  it("a member whose role requires an ExternalId the file does not give is that account's problem", async () => {
    const scopes = await listEstateAccounts(h.settings, org({ exclude: ["456789012345"] }));
    expect(summary(scopes)).toEqual([
      ["123456789012", "management", "ok"],
      ["210987654321", "staging", "ok"],
      ["345678901234", "payments", "AccessDenied"],
    ]);
    expect(scopes[2]!.problem!.message).toMatch(/\(does it require an ExternalId\?\)\.$/);
  });

  it("explicit accounts: separate read and apply roles; the read role cannot write", async () => {
    const config: AccountsConfig = {
      accounts: [
        {
          id: "210987654321",
          name: "staging",
          roleArn: "arn:aws:iam::210987654321:role/QueueReadyAudit",
          applyRoleArn: "arn:aws:iam::210987654321:role/QueueReadyApply",
          externalId: "queueready-sandbox",
          regions: ["us-east-1"],
        },
        { id: "999999999999", name: "elsewhere" },
      ],
    };
    const [staging, elsewhere] = await listEstateAccounts(h.settings, config);
    expect(await groupsOf(staging!)).toEqual(["stg-orders", "stg-jobs-valkey8"]);
    const group = { name: "qr-apply-check", family: "redis7", description: "x" };
    const denied = await createCacheParameterGroup(
      createAwsContext(staging!.read!, "us-east-1"),
      group,
    ).catch((e: unknown) => e);
    expect((denied as AwsError).problem).toMatchObject({ code: "access-denied", awsCode: "AccessDenied" });
    const created = await createCacheParameterGroup(createAwsContext(staging!.apply!, "us-east-1"), group);
    expect(created.arn).toBe("arn:aws:elasticache:us-east-1:210987654321:parametergroup:qr-apply-check");
    expect(elsewhere!.problem!.message).toMatch(
      /^Account 999999999999 has no roleArn, .* belong to 123456789012/,
    );
  });

  it("organization mode on a standalone account says Organizations is not in use", async () => {
    h.sandbox.control.reset("single");
    try {
      const scopes = await listEstateAccounts(h.settings, org());
      expect(summary(scopes)).toEqual([
        ["123456789012", "123456789012", "AWSOrganizationsNotInUseException"],
      ]);
      expect(scopes[0]!.problem!.message).toMatch(
        /^AWS Organizations is not in use for account 123456789012/,
      );
    } finally {
      h.sandbox.control.reset("default");
    }
  });
});
