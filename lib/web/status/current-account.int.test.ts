/**
 * The header's accounts against the sandbox organization: what each configuration says, and that a page
 * load asks AWS nothing once the credentials' account is known (organization: the stored audit counts).
 */
import { describe, expect, it } from "vitest";
import { readAwsSettings } from "@/lib/adapters/aws/settings";
import { claimAuditSlot } from "@/lib/adapters/db/audits";
import { storeAudit } from "@/lib/services/audit/store-audit";
import { auditForStorage } from "@/lib/services/schedule/audit-adapter";
import { estatePerFile } from "@/tools/testing/estate-harness";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { headerAccounts } from "./current-account";

const h = sandboxPerFile();
const e = estatePerFile(h);
const MANAGEMENT = "123456789012";
const callCount = () => Object.values(h.sandbox.control.calls()).reduce((a, b) => a + b, 0);

describe("headerAccounts", () => {
  it("in organization mode, counts the accounts of the stored audit and names the listing account", async () => {
    const db = e.options.db!;
    expect(await headerAccounts(db)).toEqual({ mode: "organization", baseAccountId: MANAGEMENT });
    const read = readAwsSettings(process.env);
    if (!read.ok) throw new Error(read.problem.message);
    await claimAuditSlot(db, { id: "a1", slot: "s1", startedBy: "test" });
    await storeAudit(db, "a1", await auditForStorage(read.settings, process.env));

    h.sandbox.control.resetCalls();
    const header = await headerAccounts(db);
    // SEED.md: management, staging, payments and research (whose role trusts nobody, still an account).
    expect(header).toEqual({ mode: "organization", baseAccountId: MANAGEMENT, count: 4 });
    expect(callCount()).toBe(0);
  });

  it("counts an accounts file's accounts, and names the one account without a file", async () => {
    const db = e.options.db!;
    e.useAccounts({
      accounts: [
        { id: MANAGEMENT, name: "management" },
        { id: "210987654321", roleArn: "arn:aws:iam::210987654321:role/OrganizationAccountAccessRole" },
      ],
    });
    expect(await headerAccounts(db)).toEqual({ mode: "accounts", baseAccountId: MANAGEMENT, count: 2 });
    delete process.env.QUEUEREADY_ACCOUNTS_FILE;
    h.sandbox.control.resetCalls();
    expect(await headerAccounts(db)).toEqual({ mode: "single", accountId: MANAGEMENT });
    expect(callCount()).toBe(0);
  });
});
