/**
 * The header's words for the accounts QueueReady sees: short on screen, a whole sentence for screen readers
 * (and as the tooltip), so "Organization · 4 accounts · via 123456789012" is never read as bare numbers.
 */
import type { HeaderAccounts } from "@/lib/web/status/current-account";
import { plural } from "@/lib/core/text/plural";

export interface AccountLabel {
  /** What the header shows. */
  visible: string;
  /** What a screen reader says instead, and the tooltip. */
  spoken: string;
}

export function accountLabel(accounts: HeaderAccounts): AccountLabel {
  if (accounts.mode === "single") {
    const visible = accounts.accountId ? `AWS account ${accounts.accountId}` : "AWS account unknown";
    return { visible, spoken: visible };
  }
  const { baseAccountId, count } = accounts;
  const org = accounts.mode === "organization";
  const counted = count === undefined ? undefined : plural(count, "account");
  const visible = [org ? "Organization" : undefined, counted, baseAccountId && `via ${baseAccountId}`]
    .filter(Boolean)
    .join(" · ");
  const what = org
    ? `the AWS Organization${counted ? `'s ${counted}` : ""}`
    : counted
      ? `${plural(count!, "AWS account")} of the accounts file`
      : "the AWS accounts of the accounts file";
  const how = baseAccountId
    ? org
      ? `, listed with the credentials of account ${baseAccountId}`
      : `, reached with the credentials of account ${baseAccountId}`
    : "";
  return { visible: visible || "Several AWS accounts", spoken: `QueueReady audits ${what}${how}.` };
}
