import { buttonClasses } from "@/components/ui/button";
import { statusSearch, type StatusQuery } from "@/lib/web/status/status-query";

/** Previous / next through the filtered rows, 50 a page; plain links, so the page number is in the URL. */
export function Pager({ query, pages, current }: { query: StatusQuery; pages: number; current: number }) {
  if (pages <= 1) return null;
  const link = (page: number, text: string, rel: "prev" | "next") => (
    <a
      href={`/status${statusSearch(query, { page })}`}
      rel={rel}
      aria-label={`${text} page (${page} of ${pages})`}
      className={buttonClasses("secondary", "sm")}
    >
      {text}
    </a>
  );
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3">
      {current > 1 ? link(current - 1, "Previous", "prev") : <span />}
      <span className="text-[13px] text-slate-600" aria-current="page">
        Page {current} of {pages}
      </span>
      {current < pages ? link(current + 1, "Next", "next") : <span />}
    </nav>
  );
}
