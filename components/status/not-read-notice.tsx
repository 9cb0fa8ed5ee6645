import { Notice } from "@/components/ui/notice";
import type { NotRead } from "@/lib/core/readiness/csv";
import { plural } from "@/lib/core/text/plural";

/** "2 regions of research (456789012345)" style keys: one line per account, its regions after it. */
function byAccount(notRead: NotRead[]) {
  const out = new Map<string, { name: string; regions: string[]; reasons: Set<string> }>();
  for (const n of notRead) {
    const a = out.get(n.accountId) ?? { name: n.accountName, regions: [], reasons: new Set<string>() };
    if (n.region) a.regions.push(n.region);
    a.reasons.add(n.reason);
    out.set(n.accountId, a);
  }
  return [...out.entries()];
}

/** How much the latest audit could not read, in words: "1 account (2 account-regions)". */
export function notReadWords(notRead: NotRead[]): string {
  const accounts = new Set(notRead.map((n) => n.accountId)).size;
  const scopes = notRead.filter((n) => n.region).length;
  return `${plural(accounts, "account")}${scopes > 0 ? ` (${plural(scopes, "account-region")})` : ""}`;
}

/**
 * At the top of the status page: what the latest audit could not read, so the counts below are never taken
 * for the whole estate. Each account with its regions and the reason; accounts the audit did not cover at
 * all (their rows are older) after them.
 */
export function NotReadNotice({
  notRead,
  absent,
  readNothing,
}: {
  notRead: NotRead[];
  absent: { id: string; name: string }[];
  readNothing: boolean;
}) {
  if (notRead.length === 0 && absent.length === 0) return null;
  const title = readNothing
    ? "The latest audit could not read anything: every row below is from an earlier audit"
    : `Not read in the latest audit: ${notReadWords(notRead) || plural(absent.length, "account")}. Their clusters are not counted above`;
  return (
    <div id="not-read">
      <Notice tone="error" title={title}>
        <ul className="list-disc space-y-1 pl-5">
          {byAccount(notRead).map(([id, a]) => (
            <li key={id}>
              <span className="font-medium">
                {a.name} ({id})
              </span>
              {a.regions.length > 0 ? ` in ${a.regions.join(", ")}` : ""}: {[...a.reasons].join(" ")}
            </li>
          ))}
          {absent.map((a) => (
            <li key={a.id}>
              <span className="font-medium">
                {a.name} ({a.id})
              </span>
              : not covered by the latest audit; its rows are from an earlier one.
            </li>
          ))}
        </ul>
      </Notice>
    </div>
  );
}
