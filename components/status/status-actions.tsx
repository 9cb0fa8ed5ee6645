import { buttonClasses } from "@/components/ui/button";
import type { AuditQuery } from "./audit-query";
import { viewSearch, type RegionChoice } from "./region-choice";

/**
 * Refresh and the exports. Refresh is a plain link to the same view: the page reads live state on every
 * request, so loading it again is the re-read. Exports carry the same regions and filters as the page.
 */
export function StatusActions({ choice, query }: { choice: RegionChoice; query: AuditQuery }) {
  const search = viewSearch(choice, query);
  const exportHref = (format: "csv" | "json") => `/api/audit/export${search}&format=${format}`;
  return (
    <div className="flex items-center gap-2">
      <a href={`/status${search}`} className={buttonClasses("secondary", "sm")}>
        Refresh
      </a>
      <a href={exportHref("csv")} download className={buttonClasses("secondary", "sm")}>
        Export CSV
      </a>
      <a href={exportHref("json")} download className={buttonClasses("secondary", "sm")}>
        Export JSON
      </a>
    </div>
  );
}
