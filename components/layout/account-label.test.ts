import { describe, expect, it } from "vitest";
import { accountLabel } from "./account-label";

describe("accountLabel (the header's accounts)", () => {
  it("names the one account of the credentials, as before, when there is no accounts file", () => {
    expect(accountLabel({ mode: "single", accountId: "123456789012" })).toEqual({
      visible: "AWS account 123456789012",
      spoken: "AWS account 123456789012",
    });
    expect(accountLabel({ mode: "single" }).visible).toBe("AWS account unknown");
  });

  it("counts an organization's accounts and names the account whose credentials list them", () => {
    expect(accountLabel({ mode: "organization", baseAccountId: "123456789012", count: 4 })).toEqual({
      visible: "Organization · 4 accounts · via 123456789012",
      spoken:
        "QueueReady audits the AWS Organization's 4 accounts, listed with the credentials of account 123456789012.",
    });
  });

  it("says 'Organization' without a count before the first audit has listed the accounts", () => {
    expect(accountLabel({ mode: "organization", baseAccountId: "123456789012" })).toEqual({
      visible: "Organization · via 123456789012",
      spoken: "QueueReady audits the AWS Organization, listed with the credentials of account 123456789012.",
    });
  });

  it("counts the accounts file's accounts, one in the singular", () => {
    expect(accountLabel({ mode: "accounts", baseAccountId: "123456789012", count: 1 })).toEqual({
      visible: "1 account · via 123456789012",
      spoken:
        "QueueReady audits 1 AWS account of the accounts file, reached with the credentials of account 123456789012.",
    });
    expect(accountLabel({ mode: "accounts" })).toEqual({
      visible: "Several AWS accounts",
      spoken: "QueueReady audits the AWS accounts of the accounts file.",
    });
  });
});
