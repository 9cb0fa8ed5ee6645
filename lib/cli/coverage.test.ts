import { describe, expect, it } from "vitest";
import { coverageText } from "./coverage";
import { renderAccountsTable } from "./accounts-render";
import type { AccountAudit } from "./accounts-audit";

const problem = {
  code: "access-denied",
  message: "AssumeRole was refused",
  operation: "AssumeRole",
  region: "us-east-1",
  retryable: false,
} as const;

describe("the CLI's counts say each noun in its number, never 'account(s)'", () => {
  it("coverage: one account and one account-region in the singular, more in the plural", () => {
    const one = coverageText("Audited", [
      { accountId: "111111111111", name: "prod", regions: ["us-east-1"] },
    ]);
    expect(one.split("\n")[0]).toBe("Audited 1 of 1 account, 1 account-region in us-east-1:");
    const two = coverageText("Planned in", [
      { accountId: "111111111111", name: "prod", regions: ["us-east-1", "eu-west-1"] },
      { accountId: "222222222222", name: "pay", regions: [], problem: "AssumeRole was refused" },
    ]);
    expect(two.split("\n")[0]).toBe("Planned in 1 of 2 accounts, 2 account-regions in us-east-1, eu-west-1:");
    expect(two).not.toContain("(s)");
  });

  it("the table's closing line", () => {
    const unreadable = (id: string): AccountAudit =>
      ({ accountId: id, accountName: id, problem, regions: [] }) as unknown as AccountAudit;
    expect(
      renderAccountsTable([unreadable("111111111111")])
        .trim()
        .split("\n")
        .at(-1),
    ).toBe("1 account, 0 clusters; 1 account or region Unknown.");
    expect(
      renderAccountsTable([unreadable("111111111111"), unreadable("222222222222")])
        .trim()
        .split("\n")
        .at(-1),
    ).toBe("2 accounts, 0 clusters; 2 accounts or regions Unknown.");
  });
});
