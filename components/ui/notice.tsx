import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

export type NoticeTone = "error" | "warning" | "info";

const TONES: Record<NoticeTone, string> = {
  error: "border-red-200 bg-red-50 text-red-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  info: "border-sky-200 bg-sky-50 text-sky-900",
};

export interface NoticeProps {
  tone?: NoticeTone;
  title: ReactNode;
  children?: ReactNode;
  className?: string;
  /** Announce a warning or note as well (role="alert"), e.g. a read that failed and leaves a step blocked. */
  announce?: boolean;
}

/**
 * A panel that explains a problem and what to do about it. Errors (and notices given `announce`) use
 * role="alert" so screen readers announce them; the rest are plain regions.
 */
export function Notice({ tone = "info", title, children, className, announce }: NoticeProps) {
  return (
    <div
      role={tone === "error" || announce ? "alert" : undefined}
      className={cx("rounded-lg border px-4 py-3", TONES[tone], className)}
    >
      <p className="text-sm font-semibold">{title}</p>
      {/* AWS messages carry ARNs and ids with no space in them: let them wrap rather than widen a phone page. */}
      {children ? (
        <div className="mt-1 text-[13px] leading-relaxed opacity-90 [overflow-wrap:anywhere]">{children}</div>
      ) : null}
    </div>
  );
}
