"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { useFieldErrors } from "@/components/wizard/step-form";

export const inputClasses =
  "block h-9 w-full rounded-md border-0 bg-white px-3 font-mono text-[13px] text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 " +
  "placeholder:text-slate-500 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-red-400";

/**
 * The field's error line: always present (so aria-describedby resolves). Not a live region: the error
 * summary takes focus after a refused step and reads every message once.
 */
export function FieldError({ name }: { name: string }) {
  const errors = useFieldErrors(name);
  return (
    <p id={`${name}-error`} className={errors.length > 0 ? "mt-1.5 text-[13px] text-red-700" : "sr-only"}>
      {errors.join(" ")}
    </p>
  );
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The field whose errors show here, when it differs from `name`. */
  errorName?: string;
}

export function TextField({ name, label, hint, errorName = name, className, ...props }: TextFieldProps) {
  const invalid = useFieldErrors(errorName).length > 0;
  return (
    <div className={className}>
      <label htmlFor={name} className="block text-[13px] font-medium text-slate-700">
        {label}
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="mt-0.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={[hint ? `${name}-hint` : "", `${errorName}-error`].filter(Boolean).join(" ")}
        className={cx("mt-1.5", inputClasses)}
        {...props}
      />
      <FieldError name={errorName} />
    </div>
  );
}

export interface ChoiceProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "type"> {
  name: string;
  type?: "radio" | "checkbox";
  label: ReactNode;
  description?: ReactNode;
  /** Shown under the label when the option cannot be chosen. */
  disabledReason?: ReactNode;
  /** The field whose errors this option shows, when it differs from `name`. */
  errorName?: string;
}

/** A radio or checkbox with its label and explanation; its errors are the group's (`<name>-error`). */
export function Choice({
  name,
  type = "radio",
  label,
  description,
  disabledReason,
  errorName = name,
  id,
  disabled,
  className,
  ...props
}: ChoiceProps) {
  const invalid = useFieldErrors(errorName).length > 0;
  const inputId = id ?? `${name}-${String(props.value).replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return (
    <div
      className={cx(
        "flex gap-3 rounded-md px-3 py-2.5",
        disabled ? "bg-slate-50" : "hover:bg-slate-50",
        className,
      )}
    >
      <input
        id={inputId}
        name={name}
        type={type}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={`${inputId}-desc ${errorName}-error`}
        className="mt-0.5 size-4 shrink-0 accent-indigo-600"
        {...props}
      />
      <div className="min-w-0">
        <label
          htmlFor={inputId}
          className={cx("block text-[13px] font-medium", disabled ? "text-slate-500" : "text-slate-900")}
        >
          {label}
        </label>
        <div id={`${inputId}-desc`} className="text-xs text-slate-500">
          {description}
          {disabledReason ? <p className="mt-0.5 text-amber-800">{disabledReason}</p> : null}
        </div>
      </div>
    </div>
  );
}
