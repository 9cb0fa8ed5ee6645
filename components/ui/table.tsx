import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cx } from "@/components/ui/cx";

/**
 * A dense data table that scrolls sideways on narrow screens instead of squashing columns. The scroller is
 * `relative` so screen-reader-only text in the cells (absolutely positioned) is clipped by it; otherwise
 * it escapes to the page and makes the whole page scroll sideways on a phone.
 */
export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    <div className="relative overflow-x-auto">
      <table className={cx("w-full border-collapse text-left text-[13px]", className)} {...props} />
    </div>
  );
}

export function THead(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className="border-b border-slate-200 bg-slate-50/80" {...props} />;
}

export function TBody(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className="divide-y divide-slate-100" {...props} />;
}

export function Tr({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cx("hover:bg-slate-50/60", className)} {...props} />;
}

export function Th({ className, scope = "col", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope={scope}
      className={cx(
        "whitespace-nowrap px-4 py-2.5 text-xs font-medium uppercase tracking-wide text-slate-500",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cx("whitespace-nowrap px-4 py-2.5 text-slate-700", className)} {...props} />;
}

/** The first cell of a body row, naming it: a `th scope="row"` that reads like data, not like a column title. */
export function RowHeader({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="row"
      className={cx("whitespace-nowrap px-4 py-2.5 text-left font-normal text-slate-900", className)}
      {...props}
    />
  );
}
