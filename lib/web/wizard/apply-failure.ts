/**
 * What the apply form shows when an apply does not start: a stale plan (with what moved), a refusal, or AWS
 * refusing the account's apply role (which role, and why). Anything else is a bug and is not mapped.
 */
import { failure } from "@/lib/web/actions/action-result";
import { ApplyRefusedError, StalePlanError } from "@/lib/services/apply/types";
import { AwsError } from "@/lib/adapters/aws/errors";

export function applyFailure(err: unknown): ReturnType<typeof failure> | undefined {
  if (err instanceof StalePlanError) {
    return failure("conflict", "The live state changed since this preview, so nothing was applied.", {
      changes: err.changes,
    });
  }
  // Owned without a reason: the form stays (with the reason field), nothing moved.
  if (err instanceof ApplyRefusedError && err.code === "owned")
    return failure("invalid-input", err.message, {
      overrideOwner: [
        "Give a reason of 10 to 500 characters: why is this changed here and not through its owner?",
      ],
    });
  if (err instanceof ApplyRefusedError)
    return failure(err.code === "forbidden" ? "forbidden" : "conflict", err.message);
  // The apply role cannot be assumed (or AWS refused the re-read): nothing ran, and the message names the role.
  if (err instanceof AwsError)
    return failure(err.problem.code, `Nothing was applied. ${err.problem.message}`);
  return undefined;
}
