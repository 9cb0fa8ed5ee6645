import { describe, expect, it } from "vitest";
import { listEstateAccounts } from "@/lib/services/estate/list-accounts";
import type { AccountsConfig } from "@/lib/services/estate/accounts-file";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { auditLiveRegion } from "./audit-regions";
import { auditEstateAccounts } from "./accounts";

const h = sandboxPerFile();
const ORG: AccountsConfig = {
  organization: {
    memberRoleName: "OrganizationAccountAccessRole",
    externalId: "queueready-sandbox",
    regions: ["us-east-1", "eu-west-1"],
    exclude: [],
  },
};

describe("the organization's audit and STS", () => {
  it("asks who it is once: each member's account comes from its role, not from another STS round trip", async () => {
    const settings = { ...h.settings, credentials: { accessKeyId: "AKIDESTATE", secretAccessKey: "x" } };
    h.sandbox.control.resetCalls();
    const accounts = await listEstateAccounts(settings, ORG);
    const audits = await auditEstateAccounts(accounts, 8, auditLiveRegion);

    const calls = h.sandbox.control.calls();
    expect(calls["sts:GetCallerIdentity"]).toBe(1);
    expect([calls["organizations:ListAccounts"], calls["sts:AssumeRole"]]).toEqual([1, 3]);
    // Every region audit is labelled with the account it read, and its clusters are that account's.
    for (const account of audits.filter((a) => !a.problem)) {
      expect(account.regions.map((r) => r.scope?.accountId)).toEqual([account.accountId, account.accountId]);
    }
    const staging = audits.find((a) => a.accountName === "staging")!;
    const ids = staging.regions.flatMap((r) => r.clusters.map((c) => `${c.accountId}/${c.name}`));
    expect(ids).toEqual(expect.arrayContaining(["210987654321/stg-orders", "210987654321/stg-jobs-valkey8"]));
    expect(audits.find((a) => a.accountName === "research")?.problem?.awsCode).toBe("AccessDenied");
  });
});
