import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { accountsConfigFromEnv, AccountsConfigError, parseAccountsConfig } from "./accounts-file";

const problem = (text: string) => {
  try {
    parseAccountsConfig(text, "accounts.json");
  } catch (err) {
    if (err instanceof AccountsConfigError) return err.message;
    throw err;
  }
  return "valid";
};

describe("QUEUEREADY_ACCOUNTS_FILE", () => {
  it("accepts an explicit list and an organization block, with defaults", () => {
    expect(
      parseAccountsConfig(
        JSON.stringify({
          accounts: [
            { id: "123456789012", name: "management" },
            {
              id: "210987654321",
              name: "staging",
              roleArn: "arn:aws:iam::210987654321:role/QueueReadyAudit",
              applyRoleArn: "arn:aws:iam::210987654321:role/QueueReadyApply",
              externalId: "queueready-sandbox",
              regions: ["us-east-1"],
            },
          ],
        }),
        "f",
      ),
    ).toMatchObject({ accounts: [{ id: "123456789012" }, { id: "210987654321", regions: ["us-east-1"] }] });
    expect(parseAccountsConfig('{"organization": {"externalId": "abc"}}', "f")).toEqual({
      organization: { memberRoleName: "OrganizationAccountAccessRole", externalId: "abc", exclude: [] },
    });
  });

  it("names the line and the reason of a mistake", () => {
    expect(problem('{\n  "accounts": [\n    {"id": "12345"}\n  ]\n}')).toBe(
      "accounts.json:3: accounts.0.id must be a 12-digit AWS account id",
    );
    expect(problem('{\n  "organization": {\n    "regions": ["us-east-1", "nowhere"]\n  }\n}')).toBe(
      "accounts.json:3: organization.regions.1 is not an AWS region name (expected something like us-east-1)",
    );
    expect(
      problem(
        '{"accounts": [\n{"id": "210987654321",\n "roleArn": "arn:aws:iam::111111111111:role/QueueReadyAudit"}]}',
      ),
    ).toBe("accounts.json:3: accounts.0.roleArn names account 111111111111, not 210987654321");
    expect(problem('{\n  "accounts": [],\n}')).toBe("accounts.json:3: invalid JSON (PropertyNameExpected)");
    expect(problem('{"accounts": [{"id": "123456789012", "role": "x"}]}')).toMatch(
      /^accounts.json:1: .*role/,
    );
    expect(problem("{}")).toMatch(/accounts.json:1: .*"accounts": \[...\] or "organization"/);
    expect(problem("")).toBe("accounts.json:1: invalid JSON (ValueExpected)");
  });

  it("reads the file the environment names, and says when it cannot", () => {
    expect(accountsConfigFromEnv({})).toBeUndefined();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accounts-"));
    const file = path.join(dir, "accounts.json");
    fs.writeFileSync(file, '{"organization": {"exclude": ["567890123456"]}}');
    expect(accountsConfigFromEnv({ QUEUEREADY_ACCOUNTS_FILE: file })).toMatchObject({
      organization: { exclude: ["567890123456"] },
    });
    expect(() => accountsConfigFromEnv({ QUEUEREADY_ACCOUNTS_FILE: path.join(dir, "missing.json") })).toThrow(
      /missing.json:0: QUEUEREADY_ACCOUNTS_FILE cannot be read \(ENOENT\)/,
    );
  });
});
