"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "@/components/ui/button";

export interface SubmitButtonProps extends Omit<ButtonProps, "type" | "children"> {
  children: string;
  /** What the button says while the form is being handled ("Checking live state…"). */
  pendingLabel: string;
  /**
   * Pending from the caller, for forms that submit through a transition (useFormStatus only sees a
   * form's own action); otherwise the enclosing form's status decides.
   */
  pending?: boolean;
}

/**
 * A form's submit button that shows the work in progress: disabled and `aria-busy` while pending, its
 * label saying what is happening, and a polite live region so a screen reader hears it too.
 */
export function SubmitButton({ children, pendingLabel, pending, disabled, ...props }: SubmitButtonProps) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <>
      <Button
        type="submit"
        disabled={disabled || busy}
        aria-disabled={disabled || busy}
        aria-busy={busy}
        {...props}
      >
        {busy ? pendingLabel : children}
      </Button>
      <span aria-live="polite" className="sr-only">
        {busy ? pendingLabel : ""}
      </span>
    </>
  );
}
