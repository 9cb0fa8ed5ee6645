/**
 * The audit table's look, declared once on the <table> instead of on every cell. At 1,000 clusters each
 * class string on a cell is repeated 1,000 times in the HTML and again in the React payload; moving them
 * to descendant selectors cut the page from ~4.7 KB to well under 2 KB per row. Cells carry meaning only:
 * `data-v` (verdict), `data-s` (finding severity), `data-p` (policy state), `<code>`, `<small>`.
 */
import { cx } from "@/components/ui/cx";

// Cells wrap inside the fixed column widths (stored-table.tsx) rather than widen the table: an unusually
// long name or id breaks where it must instead of pushing Findings and Action out of the card.
const cells = cx(
  "[&_tbody_tr:hover]:bg-slate-50/60 xl:table-fixed xl:min-w-[76rem]",
  "[&_tbody_:is(td,th)]:align-top [&_tbody_:is(td,th)]:[overflow-wrap:anywhere] xl:[&_tbody_:is(td,th)]:px-3 xl:[&_tbody_:is(td,th)]:py-2.5",
  "[&_tbody_td]:text-slate-700 [&_tbody_th]:text-left [&_tbody_th]:font-normal",
  "[&_tbody_th_a]:font-mono [&_tbody_th_a]:text-[13px] [&_tbody_th_a]:font-medium [&_tbody_th_a]:text-indigo-700 [&_tbody_th_a:hover]:underline",
  "[&_tbody_td_a]:font-medium [&_tbody_td_a]:text-indigo-700 [&_tbody_td_a:hover]:underline",
  "[&_tbody_code]:font-mono [&_tbody_code]:text-xs [&_small]:block [&_small]:text-xs [&_small]:text-slate-500",
  "xl:[&_thead_th]:px-3",
  // The account id under its name: a 12-digit id is read and compared whole, never split over two lines.
  "[&_tbody_td:nth-child(3)_small]:whitespace-nowrap [&_tbody_td:nth-child(3)_small]:tabular-nums",
);

/**
 * Below xl the columns cannot fit: each row becomes a card (the name with its verdict, then one labelled
 * line per fact, then the action), still a table for screen readers. The labels are CSS text with an empty
 * alternative (`/ ''`), so a screen reader hears the real column headers once, not the label twice; their
 * order follows the columns in stored-table.tsx. From sm the facts sit two by two.
 */
const stacked = cx(
  "max-xl:block max-xl:[&_tbody]:block max-xl:[&_thead]:sr-only",
  "max-xl:[&_tbody_tr]:grid max-xl:[&_tbody_tr]:grid-cols-[minmax(0,1fr)_auto] sm:max-xl:[&_tbody_tr]:grid-cols-2",
  "max-xl:[&_tbody_tr]:gap-x-6 max-xl:[&_tbody_tr]:gap-y-2 max-xl:[&_tbody_tr]:px-4 max-xl:[&_tbody_tr]:py-3.5 sm:max-xl:[&_tbody_tr]:px-5",
  "max-xl:[&_tbody_th_a]:text-sm max-xl:[&_tbody_th]:self-center",
  "max-xl:[&_tbody_td]:relative max-xl:[&_tbody_td]:col-span-full max-xl:[&_tbody_td]:min-h-5 max-xl:[&_tbody_td]:pl-28 sm:max-xl:[&_tbody_td]:col-span-1",
  "max-xl:[&_tbody_td]:before:absolute max-xl:[&_tbody_td]:before:left-0 max-xl:[&_tbody_td]:before:top-px max-xl:[&_tbody_td]:before:text-xs max-xl:[&_tbody_td]:before:text-slate-500",
  "max-xl:[&_tbody_td:nth-child(2)]:col-span-1 max-xl:[&_tbody_td:nth-child(2)]:justify-self-end max-xl:[&_tbody_td:nth-child(2)]:max-w-40 max-xl:[&_tbody_td:nth-child(2)]:pl-0 max-xl:[&_tbody_td:nth-child(2)]:text-right",
  "max-xl:[&_tbody_td:nth-child(3)]:before:content-['Account_·_region'_/_''] max-xl:[&_tbody_td:nth-child(4)]:before:content-['Engine'_/_'']",
  "max-xl:[&_tbody_td:nth-child(5)]:before:content-['VPC'_/_''] max-xl:[&_tbody_td:nth-child(6)]:before:content-['Parameter_group'_/_'']",
  "max-xl:[&_tbody_td:nth-child(7)]:before:content-['Findings'_/_''] sm:max-xl:[&_tbody_td:nth-child(n+7)]:col-span-full",
  "max-xl:[&_tbody_td:last-child]:pl-0 max-xl:[&_tbody_td:empty]:hidden",
  // The action as a small button, a target a thumb can hit.
  "max-xl:[&_tbody_td:last-child_a]:inline-flex max-xl:[&_tbody_td:last-child_a]:min-h-8 max-xl:[&_tbody_td:last-child_a]:items-center max-xl:[&_tbody_td:last-child_a]:rounded-md max-xl:[&_tbody_td:last-child_a]:px-3 max-xl:[&_tbody_td:last-child_a]:ring-1 max-xl:[&_tbody_td:last-child_a]:ring-slate-300",
);

/**
 * What a screen reader hears: the action link's target, hidden on screen (stored-table.tsx); and a group
 * name's break opportunity after each dot, a zero-width space with an empty alternative text, so the
 * cell's accessible name stays "default.redis7" and a copied name has no hidden character. String.raw
 * keeps the CSS escape a single backslash for Tailwind.
 */
const spoken = cx(
  "[&_tbody_td:last-child_a>span]:sr-only",
  String.raw`[&_tbody_code>span]:after:content-['\200B'_/_'']`,
);

const verdicts = cx(
  "[&_[data-v]]:inline-flex [&_[data-v]]:whitespace-nowrap [&_[data-v]]:rounded-md [&_[data-v]]:px-2 [&_[data-v]]:py-0.5 [&_[data-v]]:text-xs [&_[data-v]]:font-medium [&_[data-v]]:ring-1 [&_[data-v]]:ring-inset",
  "[&_[data-v=ready]]:bg-emerald-50 [&_[data-v=ready]]:text-emerald-700 [&_[data-v=ready]]:ring-emerald-600/20",
  "[&_[data-v=needs-changes]]:bg-amber-50 [&_[data-v=needs-changes]]:text-amber-800 [&_[data-v=needs-changes]]:ring-amber-600/25",
  "[&_[data-v=incompatible]]:bg-red-50 [&_[data-v=incompatible]]:text-red-700 [&_[data-v=incompatible]]:ring-red-600/20",
  "[&_[data-v=not-applicable]]:bg-slate-100 [&_[data-v=not-applicable]]:text-slate-700 [&_[data-v=not-applicable]]:ring-slate-500/20",
  "[&_[data-v=unknown]]:bg-violet-50 [&_[data-v=unknown]]:text-violet-700 [&_[data-v=unknown]]:ring-violet-600/20",
  "[&_small[data-busy]]:text-amber-700",
);

// The owner badge under a name: who deploys the target (stored-table.tsx).
const owners = cx(
  "[&_small[data-o]]:mt-1 [&_small[data-o]]:w-fit [&_small[data-o]]:rounded [&_small[data-o]]:px-1.5 [&_small[data-o]]:text-[11px] [&_small[data-o]]:font-medium [&_small[data-o]]:ring-1 [&_small[data-o]]:ring-inset",
  "[&_small[data-o=cloudformation]]:bg-orange-50 [&_small[data-o=cloudformation]]:text-orange-800 [&_small[data-o=cloudformation]]:ring-orange-600/25",
  "[&_small[data-o=terraform]]:bg-purple-50 [&_small[data-o=terraform]]:text-purple-800 [&_small[data-o=terraform]]:ring-purple-600/25",
  "[&_small[data-o=unknown]]:bg-slate-50 [&_small[data-o=unknown]]:text-slate-600 [&_small[data-o=unknown]]:ring-slate-500/25",
);

const policies = cx(
  "[&_[data-p=ok]]:text-emerald-700 [&_[data-p=bad]]:text-amber-700 [&_[data-p=unread]]:text-violet-700",
);

const chips = cx(
  "[&_td_ul]:flex [&_td_ul]:flex-wrap [&_td_ul]:gap-1",
  "[&_li]:inline-flex [&_li]:items-center [&_li]:gap-1 [&_li]:whitespace-nowrap [&_li]:rounded [&_li]:px-1.5 [&_li]:py-px [&_li]:text-[11px] [&_li]:font-medium [&_li]:ring-1 [&_li]:ring-inset",
  "[&_li>b]:font-semibold [&_li>span]:sr-only",
  "[&_[data-s=fail]]:bg-red-50 [&_[data-s=fail]]:text-red-700 [&_[data-s=fail]]:ring-red-600/20",
  "[&_[data-s=unknown]]:bg-violet-50 [&_[data-s=unknown]]:text-violet-700 [&_[data-s=unknown]]:ring-violet-600/20",
  "[&_[data-s=warn]]:bg-amber-50 [&_[data-s=warn]]:text-amber-800 [&_[data-s=warn]]:ring-amber-600/25",
  "[&_[data-s=info]]:bg-sky-50 [&_[data-s=info]]:text-sky-700 [&_[data-s=info]]:ring-sky-600/20",
);

export const AUDIT_TABLE_CLASSES = cx(cells, stacked, spoken, verdicts, owners, policies, chips);
