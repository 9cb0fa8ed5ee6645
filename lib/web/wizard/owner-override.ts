/**
 * The reason to apply anyway, from a form: checked only when given (whether one is needed is the apply's
 * own check, from its re-read), by the same rule as `npm run apply --override-owner`.
 */
import { overrideReasonSchema } from "@/lib/core/plan/owned-writes";
import { failure } from "@/lib/web/actions/action-result";

export function ownerOverrideOf(
  raw: string | undefined,
): { ok: true; reason?: string } | ReturnType<typeof failure> {
  if (!raw?.trim()) return { ok: true };
  const reason = overrideReasonSchema.safeParse(raw);
  if (reason.success) return { ok: true, reason: reason.data };
  return failure("invalid-input", "The reason to apply anyway needs attention.", {
    overrideOwner: [
      "Give a reason of 10 to 500 characters: why is this changed here and not through its owner?",
    ],
  });
}
