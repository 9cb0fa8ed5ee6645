import "server-only";
import type { z } from "zod";
import type { ActionResult } from "./action-result";
import { failure, formDataToObject, groupMessages } from "./action-result";
import type { Role, SessionUser } from "@/lib/web/auth/roles";
import { authorizeAction } from "@/lib/web/auth/require-role";
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from "@/lib/web/http/unavailable";
import type { AwsProblem } from "@/lib/core/model/resources";

/** An AwsError from lib/adapters/aws, recognised by shape so this wrapper does not load the SDK. */
function awsProblemOf(err: unknown): AwsProblem | null {
  if (!(err instanceof Error) || err.name !== "AwsError") return null;
  const problem = (err as Error & { problem?: AwsProblem }).problem;
  return problem && typeof problem.message === "string" ? problem : null;
}

/**
 * Wraps a server action so that it always, in this order: authenticates, checks the role, validates the
 * input with `schema`, and only then runs `fn`. A page's role check does not protect an action (any
 * action is reachable by a direct POST), so every action goes through here.
 *
 * The returned function fits `useActionState` (`(previous, formData)`) and can also be called with a
 * plain object. An `AwsError` thrown by `fn` becomes a failure carrying its problem code and message, a
 * database outage the "database-unavailable" failure (the session is kept); anything else (including Next's redirect signal) is rethrown.
 */
export function validatedAction<S extends z.ZodType, T>(
  schema: S,
  role: Role,
  fn: (input: z.output<S>, user: SessionUser) => Promise<ActionResult<T>>,
): (previous: ActionResult<T> | null, input: FormData | unknown) => Promise<ActionResult<T>> {
  return async (_previous, input) => {
    const auth = await authorizeAction(role);
    if (!auth.ok) return failure(auth.code, auth.message);
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = groupMessages(
        parsed.error.issues.map((issue) => [
          issue.path.length > 0 ? issue.path.join(".") : "_form",
          issue.message,
        ]),
      );
      return failure("invalid-input", "Some fields need attention.", fieldErrors);
    }
    try {
      return await fn(parsed.data, auth.user);
    } catch (err) {
      const problem = awsProblemOf(err);
      if (problem) return failure(problem.code, problem.message);
      if (isDatabaseUnavailable(err)) return failure("database-unavailable", UNAVAILABLE_MESSAGE);
      throw err;
    }
  };
}
