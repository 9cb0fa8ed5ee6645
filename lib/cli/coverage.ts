/**
 * What a command covered, said on stderr (so --json and --csv stay clean): every account with the regions
 * it read, and each account or region it could not, with why. A person sees at once when a run covered less
 * than the app shows.
 */
import { plural } from "@/lib/core/text/plural";

export interface CoveredAccount {
  accountId: string;
  name: string;
  /** The regions read. */
  regions: string[];
  /** Why the whole account could not be read. */
  problem?: string;
  /** Regions that could not be read, with why. */
  failed?: { region: string; reason: string }[];
}

export function coverageText(verb: string, accounts: CoveredAccount[]): string {
  const read = accounts.filter((a) => !a.problem && a.regions.length > 0);
  const scopes = read.reduce((n, a) => n + a.regions.length, 0);
  const regions = [...new Set(read.flatMap((a) => a.regions))];
  const lines = [
    `${verb} ${read.length} of ${plural(accounts.length, "account")}, ${plural(scopes, "account-region")} in ${regions.join(", ") || "no region"}:`,
    ...read.map((a) => `  ${a.name} (${a.accountId}): ${a.regions.join(", ")}`),
  ];
  const missed = accounts.flatMap((a) =>
    a.problem
      ? [`  ${a.name} (${a.accountId}): not read: ${a.problem}`]
      : (a.failed ?? []).map((f) => `  ${a.name} (${a.accountId}) ${f.region}: not read: ${f.reason}`),
  );
  if (missed.length > 0) lines.push(`Not covered:`, ...missed);
  return `${lines.join("\n")}\n`;
}
