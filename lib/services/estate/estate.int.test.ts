import { describe, expect, it } from "vitest";
import { AccountsConfigError, type AccountsConfig } from "./accounts-file";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { loadEstate, lookupAccount, OWN_CREDENTIALS } from "./estate";

const h = sandboxPerFile();
const org: AccountsConfig = {
  organization: {
    memberRoleName: "OrganizationAccountAccessRole",
    externalId: "queueready-sandbox",
    exclude: [],
  },
};

describe("the app's estate against the sandbox organization", () => {
  it("lists every account with the role it reads and applies as, or its problem", async () => {
    const estate = await loadEstate({ ok: true, settings: h.settings }, () => org);
    if (!estate.ok) throw new Error(estate.problem.message);
    expect(estate.accounts.map((a) => [a.accountId, a.name, a.readRole, a.applyRole, !!a.read])).toEqual([
      ["123456789012", "management", OWN_CREDENTIALS, OWN_CREDENTIALS, true],
      ...["210987654321/staging", "345678901234/payments"].map((s) => {
        const [id, name] = s.split("/");
        const role = `arn:aws:iam::${id}:role/OrganizationAccountAccessRole`;
        return [id, name, role, role, true];
      }),
      [
        "456789012345",
        "research",
        "arn:aws:iam::456789012345:role/OrganizationAccountAccessRole",
        "arn:aws:iam::456789012345:role/OrganizationAccountAccessRole",
        false,
      ],
    ]);
    const research = lookupAccount(estate, "456789012345");
    expect(research.ok).toBe(false);
    if (!research.ok && !research.notFound) expect(research.problem.message).toMatch(/cannot assume/);
    expect(lookupAccount(estate, "999999999999")).toEqual({ ok: false, notFound: true });
    expect(lookupAccount(estate, "../etc")).toEqual({ ok: false, notFound: true });
    expect(lookupAccount(estate, "210987654321").ok).toBe(true);
  });

  it("separate read and apply roles are named apart", async () => {
    const explicit: AccountsConfig = {
      accounts: [
        {
          id: "210987654321",
          name: "staging",
          roleArn: "arn:aws:iam::210987654321:role/QueueReadyAudit",
          applyRoleArn: "arn:aws:iam::210987654321:role/QueueReadyApply",
          externalId: "queueready-sandbox",
        },
      ],
    };
    const estate = await loadEstate({ ok: true, settings: h.settings }, () => explicit);
    const found = estate.ok ? lookupAccount(estate, "210987654321") : undefined;
    if (!found?.ok) throw new Error("staging should be reachable");
    expect([found.account.readRole, found.account.applyRole]).toEqual([
      "arn:aws:iam::210987654321:role/QueueReadyAudit",
      "arn:aws:iam::210987654321:role/QueueReadyApply",
    ]);
    expect(found.account.read.credentials).not.toBe(found.account.apply.credentials);
  });

  it("no file: the one account of the base credentials; a broken file is the estate's problem", async () => {
    const single = await loadEstate({ ok: true, settings: h.settings }, () => undefined);
    expect(single.ok && single.accounts.map((a) => [a.accountId, a.readRole])).toEqual([
      ["123456789012", OWN_CREDENTIALS],
    ]);
    const broken = await loadEstate({ ok: true, settings: h.settings }, () => {
      throw new AccountsConfigError(
        "/etc/accounts.json",
        3,
        "accounts.0.id must be a 12-digit AWS account id",
      );
    });
    expect(broken).toEqual({
      ok: false,
      problem: {
        code: "invalid-input",
        message: "/etc/accounts.json:3: accounts.0.id must be a 12-digit AWS account id",
        retryable: false,
      },
    });
  });
});
