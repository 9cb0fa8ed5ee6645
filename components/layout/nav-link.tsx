"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/cx";

/** A header link that marks itself current for its section (`section`, default `href`, and below). */
export function NavLink({
  href,
  section = href,
  children,
}: {
  href: string;
  section?: string;
  children: string;
}) {
  const pathname = usePathname();
  const active = pathname === section || pathname.startsWith(`${section}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cx(
        "whitespace-nowrap rounded-md px-2.5 py-1.5 text-[13px] font-medium",
        active ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
      )}
    >
      {children}
    </Link>
  );
}
