import "server-only";
import { findAccount } from "@/lib/services/estate";

/**
 * The wizard's account as its header names it: "management (123456789012)", or the id alone when the
 * estate knows no other name for it. From the estate's cache, so every step can ask.
 */
export async function wizardAccountLabel(accountId: string | undefined): Promise<string | undefined> {
  if (!accountId) return undefined;
  const found = await findAccount(accountId);
  const name = found.ok ? found.account.name : found.notFound ? undefined : found.account?.name;
  return name && name !== accountId ? `${name} (${accountId})` : accountId;
}
