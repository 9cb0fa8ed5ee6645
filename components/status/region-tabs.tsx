import Link from "next/link";
import { cx } from "@/components/ui/cx";

/**
 * The configured regions as links (`?region=`), so switching works without JavaScript and every view
 * has its own URL to share.
 */
export function RegionTabs({
  regions,
  current,
  basePath,
}: {
  regions: string[];
  current: string;
  basePath: string;
}) {
  return (
    <nav aria-label="Region" className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
      {regions.map((region) => {
        const active = region === current;
        return (
          <Link
            key={region}
            href={`${basePath}${basePath.includes("?") ? "&" : "?"}region=${encodeURIComponent(region)}`}
            aria-current={active ? "page" : undefined}
            className={cx(
              "rounded-md px-3 py-1.5 font-mono text-xs font-medium transition-colors",
              active
                ? "bg-white text-slate-900 shadow-xs ring-1 ring-slate-200"
                : "text-slate-600 hover:text-slate-900",
            )}
          >
            {region}
          </Link>
        );
      })}
    </nav>
  );
}
