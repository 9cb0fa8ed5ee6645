/**
 * Renders an audit for the terminal: the table, the JSON document the app exports too (every row carries its
 * account id and name) and the CSV (the account_id column). An unreachable account or region is an Unknown
 * line with its reason.
 */
import { plural } from "@/lib/core/text/plural";
import { countVerdicts, liveCsvClusters, toCsv, VERDICT_LABELS, type NotRead } from "@/lib/core/readiness";
import type { AccountAudit } from "./accounts-audit";
import { exportDocument, liveExportAccount } from "@/lib/core/rows/export-document";
import { renderAuditTable } from "./audit-table";

/** What cannot be judged, one line each: a whole account, or one region of it. */
export function unknownLines(a: AccountAudit): string[] {
  if (a.problem)
    return [
      `${VERDICT_LABELS.unknown}: every cluster of ${a.accountName} (${a.accountId}): ${a.problem.message}`,
    ];
  return a.regions
    .filter((r) => r.failed)
    .map(
      (r) =>
        `${VERDICT_LABELS.unknown}: every cluster in ${r.region} of ${a.accountName} (${a.accountId}): ${r.failed!.message}`,
    );
}

export function renderAccountsTable(accounts: AccountAudit[]): string {
  const parts = accounts.map((a) => {
    const readable = a.regions.filter((r) => !r.failed);
    const body = readable.length > 0 ? renderAuditTable(readable) : "";
    return [`== ${a.accountName} (${a.accountId})`, ...unknownLines(a), body.trimEnd()]
      .filter(Boolean)
      .join("\n");
  });
  const clusters = accounts.flatMap((a) => a.regions.flatMap((r) => r.clusters));
  const unknown = accounts.reduce((n, a) => n + unknownLines(a).length, 0);
  const summary = Object.entries(countVerdicts(clusters))
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${VERDICT_LABELS[v as keyof typeof VERDICT_LABELS]}`);
  const unread = unknown ? `; ${plural(unknown, "account or region", "accounts or regions")} Unknown` : "";
  const total = `${plural(accounts.length, "account")}, ${plural(clusters.length, "cluster")}${summary.length ? `: ${summary.join(", ")}` : ""}${unread}.`;
  return `${parts.join("\n\n")}\n\n${total}\n`;
}

/** The one export document (the app's Export JSON too): accounts with their regions, one row per target. */
export function accountsJson(accounts: AccountAudit[], generatedAt = new Date()): string {
  const parts = accounts.map((a) => liveExportAccount(a, a.regions));
  return exportDocument(
    { accounts: parts.map((p) => p.account), clusters: parts.flatMap((p) => p.clusters) },
    generatedAt,
  );
}

/**
 * The CSV export of every readable region; each row's account_id and account_name name its account. An
 * account or region that could not be read is a row of its own first (kind not-read, verdict unknown, the
 * reason as its finding), as in the app's export.
 */
export function accountsCsv(accounts: AccountAudit[], now = new Date()): string {
  const at = now.toISOString();
  const notRead: NotRead[] = accounts.flatMap((a) =>
    a.problem
      ? [{ accountId: a.accountId, accountName: a.accountName, reason: a.problem.message, auditedAt: at }]
      : a.regions.flatMap((r) =>
          r.failed
            ? [
                {
                  accountId: a.accountId,
                  accountName: a.accountName,
                  region: r.region,
                  reason: r.failed.message,
                  auditedAt: r.readAt || at,
                },
              ]
            : [],
        ),
  );
  return toCsv(
    accounts.flatMap((a) =>
      liveCsvClusters(
        a.regions.filter((r) => !r.failed),
        a.accountName,
      ),
    ),
    notRead,
  );
}
