"use client";

import {
  createContext,
  startTransition,
  useActionState,
  useContext,
  type FormEvent,
  type ReactNode,
} from "react";
import type { ActionResult } from "@/lib/web/actions/action-result";
import type { WizardParams } from "@/lib/web/wizard/params";
import { submitStepAction } from "@/lib/web/wizard/step-action";
import { SubmitButton } from "@/components/ui/submit-button";
import { BackLink } from "@/components/wizard/back-link";
import { ErrorSummary, type SummaryError } from "@/components/wizard/error-summary";

type State = ActionResult<unknown> | null;

const FormState = createContext<{ state: State; pending: boolean }>({ state: null, pending: false });

/** The errors the last submission returned for one field (empty when none). */
export function useFieldErrors(name: string): string[] {
  const { state } = useContext(FormState);
  return state && !state.ok ? (state.fieldErrors?.[name] ?? []) : [];
}

export interface StepFormProps {
  step: "target" | "network" | "parameter-group" | "modification";
  /** Earlier steps' answers, carried as hidden fields so the action sees the whole state. */
  hidden: WizardParams;
  submitLabel: string;
  /** Where Back goes: the previous step with every answer kept (the first step: the status page). */
  back: { href: string; label?: string };
  children: ReactNode;
}

/**
 * A step's form. It submits through a transition rather than the form's own action so React does not
 * reset the fields after a refusal: the operator's input stays next to the errors it caused. Without
 * JavaScript the form still posts to the same action.
 */
export function StepForm({ step, hidden, submitLabel, back, children }: StepFormProps) {
  const [state, dispatch, pending] = useActionState(submitStepAction, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  const errors: SummaryError[] =
    state && !state.ok
      ? state.fieldErrors
        ? Object.entries(state.fieldErrors).flatMap(([field, messages]) =>
            messages.map((message) => ({ field, message })),
          )
        : [{ field: "_form", message: state.message }]
      : [];
  return (
    <FormState.Provider value={{ state, pending }}>
      <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-6">
        <input type="hidden" name="step" value={step} />
        {Object.entries(hidden).flatMap(([name, value]) =>
          (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => (
            <input key={`${name}=${v}`} type="hidden" name={name} value={v} />
          )),
        )}
        <ErrorSummary errors={errors} attempt={state} />
        {children}
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4">
          <BackLink href={back.href}>{back.label}</BackLink>
          <SubmitButton pending={pending} pendingLabel="Checking live state…" className="ml-auto">
            {submitLabel}
          </SubmitButton>
        </div>
      </form>
    </FormState.Provider>
  );
}
