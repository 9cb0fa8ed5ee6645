import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "@/components/ui/cx";

/** A white panel with a hairline border: the page's main building block. */
export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return (
    <section className={cx("rounded-lg border border-slate-200 bg-white shadow-xs", className)} {...props} />
  );
}

export interface CardHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links at the right of the title. */
  actions?: ReactNode;
  /** The heading level, so a card fits the page outline (h2 under the page's h1 by default). */
  as?: "h2" | "h3";
}

export function CardHeader({ title, description, actions, as: Heading = "h2" }: CardHeaderProps) {
  return (
    <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-4 py-4 sm:px-5">
      <div className="min-w-0">
        <Heading className="text-[15px] font-semibold text-slate-900">{title}</Heading>
        {description ? <p className="mt-0.5 text-[13px] text-slate-500">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </header>
  );
}

export function CardBody({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx("px-4 py-4 sm:px-5", className)} {...props} />;
}
