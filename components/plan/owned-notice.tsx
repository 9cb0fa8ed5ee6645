import { Notice } from "@/components/ui/notice";
import type { PlanOwners } from "@/lib/web/wizard/owners";

/** What the plan changes that another tool owns, and owners that could not be told. */
export function OwnedNotice({ owners }: { owners: PlanOwners }) {
  return (
    <>
      {owners.owned.length > 0 ? (
        <Notice tone="warning" title="Another tool owns what this plan changes">
          <ul className="list-disc space-y-0.5 pl-5" data-testid="owned-writes">
            {owners.owned.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          <p className="mt-1">
            Its owner&apos;s next deploy would undo a change made here: download the fix as code below and
            change it there. Applying here anyway needs a reason, kept in the history and the alerts.
          </p>
        </Notice>
      ) : null}
      {owners.unknown.length > 0 ? (
        <Notice tone="info" title="Owner not known">
          {owners.unknown.map((u) => (
            <p key={u}>{u}</p>
          ))}
        </Notice>
      ) : null}
    </>
  );
}
