import { cx } from "@/components/ui/cx";
import { inputClasses } from "./fields";

/**
 * The reason "Apply anyway" needs when the plan changes what another tool owns. Checked again on the server
 * (the same rule as `npm run apply --override-owner`); it is kept in the history and sent with the alerts.
 */
export function OverrideReason({ error }: { error?: string }) {
  return (
    <div>
      <label htmlFor="overrideOwner" className="block text-[13px] font-medium text-slate-700">
        Reason to apply anyway
      </label>
      <p id="overrideOwner-hint" className="mt-0.5 text-xs text-slate-500">
        Another tool owns what this changes (listed above) and its next deploy may undo it. Say why it is
        changed here instead (10 characters or more): the history and the alerts keep it.
      </p>
      <input
        id="overrideOwner"
        name="overrideOwner"
        required
        maxLength={500}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "overrideOwner-hint overrideOwner-error" : "overrideOwner-hint"}
        className={cx("mt-1.5 font-sans", inputClasses)}
      />
      <p id="overrideOwner-error" aria-live="polite" className="mt-1 text-xs text-red-700">
        {error ?? ""}
      </p>
    </div>
  );
}
