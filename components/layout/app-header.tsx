import Link from "next/link";
import { Brand } from "@/components/layout/brand";
import { NavLink } from "@/components/layout/nav-link";
import { SignOutForm } from "@/components/layout/sign-out-form";
import { Badge } from "@/components/ui/badge";
import type { SessionUser } from "@/lib/auth/roles";

export interface AppHeaderProps {
  user: SessionUser;
  /** True when the app reads the local sandbox instead of AWS. */
  demo: boolean;
  /** The AWS account the credentials belong to (STS), when it could be told. */
  accountId?: string;
}

const NAV = [
  { href: "/status", label: "Status", section: "/status" },
  { href: "/wizard/target", label: "Fix a cluster", section: "/wizard" },
  { href: "/changes", label: "Changes", section: "/changes" },
];

/** The bar on every signed-in page: product, navigation, who is signed in and with which role. */
export function AppHeader({ user, demo, accountId }: AppHeaderProps) {
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-6">
        <Link href="/status" className="text-slate-900" aria-label="QueueReady home">
          <Brand />
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          {NAV.map((item) => (
            <NavLink key={item.href} href={item.href} section={item.section}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          {demo ? <Badge tone="violet">Demo · sandbox account</Badge> : null}
          <span className="font-mono text-[13px] text-slate-600" data-testid="current-account">
            {accountId ? `AWS account ${accountId}` : "AWS account unknown"}
          </span>
          <span className="flex items-center gap-2 text-[13px] text-slate-700" data-testid="current-user">
            <span className="font-medium">{user.name}</span>
            <Badge tone={user.role === "operator" ? "blue" : "neutral"}>{user.role}</Badge>
          </span>
          <span aria-hidden className="h-5 w-px bg-slate-200" />
          <SignOutForm />
        </div>
      </div>
    </header>
  );
}
