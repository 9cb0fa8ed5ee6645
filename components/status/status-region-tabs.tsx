import Link from "next/link";
import { cx } from "@/components/ui/cx";
import type { AuditQuery } from "./audit-query";
import { viewSearch, type RegionChoice } from "./region-choice";

export interface StatusRegionTabsProps {
  configured: string[];
  choice: RegionChoice;
  query: AuditQuery;
}

/**
 * The configured regions as links (`?region=`), plus every region at once (`?regions=all`). Links keep the
 * filters, work without JavaScript, and give every view its own URL to share.
 */
export function StatusRegionTabs({ configured, choice, query }: StatusRegionTabsProps) {
  const single = !choice.all && choice.regions.length === 1 ? choice.regions[0] : undefined;
  const tabs = [
    ...configured.map((r) => ({
      key: r,
      label: r,
      href: viewSearch({ regions: [r], all: false }, query),
      active: r === single,
      mono: true,
    })),
    ...(configured.length > 1
      ? [
          {
            key: "*",
            label: "All regions",
            href: viewSearch({ regions: configured, all: true }, query),
            active: choice.all,
            mono: false,
          },
        ]
      : []),
  ];
  return (
    <nav aria-label="Region" className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={`/status${t.href}`}
          prefetch={false}
          aria-current={t.active ? "page" : undefined}
          className={cx(
            "rounded-md px-3 py-1.5 text-xs font-medium transition-colors",
            t.mono && "font-mono",
            t.active
              ? "bg-white text-slate-900 shadow-xs ring-1 ring-slate-200"
              : "text-slate-600 hover:text-slate-900",
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
