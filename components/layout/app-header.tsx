import Link from "next/link";
import { Brand } from "@/components/layout/brand";
import { NavLink } from "@/components/layout/nav-link";
import { SignOutForm } from "@/components/layout/sign-out-form";
import { Badge } from "@/components/ui/badge";
import type { SessionUser } from "@/lib/web/auth/roles";
import type { HeaderAccounts } from "@/lib/web/status/current-account";
import { accountLabel } from "./account-label";

export interface AppHeaderProps {
  user: SessionUser;
  /** True when the app reads the local sandbox instead of AWS. */
  demo: boolean;
  /** The account of the credentials (STS), and with an accounts file how many accounts are audited. */
  accounts: HeaderAccounts;
}

const NAV = [
  { href: "/status", label: "Status", section: "/status" },
  { href: "/wizard/target", label: "Fix a cluster", section: "/wizard" },
  { href: "/changes", label: "Changes", section: "/changes" },
];

/**
 * The bar on every signed-in page: product, navigation, the AWS account read, who is signed in and with
 * which role. On a phone the navigation and the account take lines of their own, the product name and the
 * demo badge shorten, and the bar scrolls away instead of sticking, so Sign out stays on screen.
 */
export function AppHeader({ user, demo, accounts }: AppHeaderProps) {
  const label = accountLabel(accounts);
  return (
    <header className="z-10 border-b border-slate-200 bg-white/90 backdrop-blur sm:sticky sm:top-0">
      <div className="mx-auto flex min-h-14 max-w-7xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 sm:px-6 sm:py-0">
        <Link href="/status" className="text-slate-900" aria-label="QueueReady home">
          <Brand compact />
        </Link>
        <nav
          aria-label="Main"
          className="order-2 -ml-2.5 flex w-full items-center gap-1 sm:order-none sm:ml-0 sm:w-auto"
        >
          {NAV.map((item) => (
            <NavLink key={item.href} href={item.href} section={item.section}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <span
          className="order-3 w-full font-mono text-xs text-slate-600 sm:order-none sm:ml-auto sm:w-auto sm:text-[13px]"
          data-testid="current-account"
          title={label.spoken === label.visible ? undefined : label.spoken}
        >
          {label.spoken === label.visible ? (
            label.visible
          ) : (
            <>
              <span aria-hidden>{label.visible}</span>
              <span className="sr-only">{label.spoken}</span>
            </>
          )}
        </span>
        <div className="ml-auto flex min-w-0 items-center gap-3 sm:ml-0">
          {demo ? (
            <Badge tone="violet">
              Demo<span className="hidden sm:inline"> · sandbox, not AWS</span>
            </Badge>
          ) : null}
          <span
            className="flex min-w-0 items-center gap-2 text-[13px] text-slate-700"
            data-testid="current-user"
          >
            {/* Read aloud the two bare words were "operator operator": say what each is. */}
            <span className="sr-only">Signed in as </span>
            <span className="truncate font-medium" title={user.name}>
              {user.name}
            </span>
            <span className="sr-only">, role</span>
            <Badge tone={user.role === "viewer" ? "neutral" : "blue"}>{user.role}</Badge>
          </span>
          <span aria-hidden className="hidden h-5 w-px bg-slate-200 sm:block" />
          <SignOutForm />
        </div>
      </div>
    </header>
  );
}
