import Link from "next/link";
import type { ReactNode } from "react";

export interface ReviewSectionProps {
  number: number;
  label: string;
  /** The wizard step this section came from, with every answer kept. */
  editHref: string;
  children: ReactNode;
}

/** One wizard step's part of the review page: its heading and an Edit link back to it, as in the AWS console. */
export function ReviewSection({ number, label, editHref, children }: ReviewSectionProps) {
  const headingId = `review-step-${number}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200">
      <header className="flex items-center justify-between gap-3 border-b border-slate-200 bg-slate-50 px-4 py-2.5">
        <h3 id={headingId} className="text-[14px] font-semibold text-slate-900">
          <span className="text-slate-600">Step {number}:</span> {label}
        </h3>
        <Link
          href={editHref}
          prefetch={false}
          aria-label={`Edit ${label}`}
          className="rounded px-1 text-[13px] font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          Edit
        </Link>
      </header>
      <div className="space-y-3 p-2 sm:p-4">{children}</div>
    </section>
  );
}
