import { cx } from "@/components/ui/cx";

/**
 * The product mark and name, used in the header and on the sign-in page. `compact` hides the name on a
 * phone, where the header needs the room for Sign out; the mark stays.
 */
export function Brand({ size = "md", compact = false }: { size?: "md" | "lg"; compact?: boolean }) {
  const box = size === "lg" ? "size-9" : "size-7";
  return (
    <span className="inline-flex items-center gap-2.5">
      <svg viewBox="0 0 32 32" className={box} aria-hidden>
        <rect width="32" height="32" rx="7" fill="#4f46e5" />
        <path d="M8 11h16M8 16h11M8 21h7" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" />
        <circle cx="23" cy="21" r="3" fill="#34d399" />
      </svg>
      <span
        className={cx(
          size === "lg" ? "text-lg font-semibold tracking-tight" : "text-[15px] font-semibold tracking-tight",
          compact && "hidden sm:inline",
        )}
      >
        QueueReady
      </span>
    </span>
  );
}
