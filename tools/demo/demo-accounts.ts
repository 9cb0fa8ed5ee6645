/**
 * The accounts file the demo and the end-to-end server run with: organization mode, as a platform team
 * would configure it (the member role AWS creates in every account, one ExternalId), so both show the whole
 * seeded organization with no extra setup. The seeded "research" account's role trusts nobody, so it shows
 * as that account's problem.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseAccountsConfig } from "@/lib/services/estate/accounts-file";
import { SANDBOX_EXTERNAL_ID } from "@/tools/sandbox";

export const DEMO_MEMBER_ROLE = "OrganizationAccountAccessRole";

/** The file's text; parsed here with the app's own schema, so the demo never writes what `npm start` refuses. */
export function demoAccountsText(): string {
  const text = `${JSON.stringify(
    { organization: { memberRoleName: DEMO_MEMBER_ROLE, externalId: SANDBOX_EXTERNAL_ID } },
    null,
    2,
  )}\n`;
  parseAccountsConfig(text, "accounts.json");
  return text;
}

/** Writes `accounts.json` into `dataDir` and returns its path, for QUEUEREADY_ACCOUNTS_FILE. */
export function writeDemoAccountsFile(dataDir: string): string {
  const file = path.join(dataDir, "accounts.json");
  writeFileSync(file, demoAccountsText());
  return file;
}
