import Link from "next/link";
import { cx } from "@/components/ui/cx";
import type { EstateAccount } from "@/lib/services/estate";
import { toQuery } from "@/lib/web/wizard/params";

/**
 * The wizard's first choice when QueueReady reaches several accounts: links (`?account=`), so switching works
 * without JavaScript. An account QueueReady cannot reach is listed with why, not offered.
 */
export function AccountChoice({ accounts, current }: { accounts: EstateAccount[]; current: string }) {
  return (
    <nav aria-label="Account" className="space-y-1.5">
      <p className="text-[13px] font-medium text-slate-700">Account</p>
      <ul className="flex flex-wrap gap-2">
        {accounts.map((a) => (
          <li key={a.accountId}>
            {a.problem ? (
              <span
                className="block rounded-md px-3 py-2 text-[13px] text-slate-500 ring-1 ring-slate-200"
                title={a.problem.message}
              >
                {a.name} <span className="font-mono text-xs">{a.accountId}</span> · cannot be reached
              </span>
            ) : (
              <Link
                href={`/wizard/target?${toQuery({ account: a.accountId })}`}
                aria-current={a.accountId === current ? "page" : undefined}
                prefetch={false}
                className={cx(
                  "block rounded-md px-3 py-2 text-[13px] ring-1",
                  a.accountId === current
                    ? "bg-indigo-50 ring-indigo-300"
                    : "ring-slate-200 hover:bg-slate-50",
                )}
              >
                <span className="font-medium text-slate-900">{a.name}</span>{" "}
                <span className="font-mono text-xs text-slate-500">{a.accountId}</span>
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
