/**
 * One error mapping for every AWS call: SDK errors (ElastiCache shape names, EC2 plain codes, network
 * errors) become an AwsProblem a person can act on. Public functions of lib/adapters/aws throw only AwsError.
 */

import type { AwsProblem } from "@/lib/core/model/resources";
import type { CallSite, ErrorFacts } from "./call-site";
import { problemFor } from "./error-messages";

export type { AwsService, CallSite, ErrorFacts } from "./call-site";

/** The only error lib/adapters/aws throws; `message` is the problem's message, safe to show. */
export class AwsError extends Error {
  readonly problem: AwsProblem;

  constructor(problem: AwsProblem, options?: { cause?: unknown }) {
    super(problem.message, options);
    this.name = "AwsError";
    this.problem = problem;
  }
}

/** Maps anything a call can throw to an AwsProblem. An AwsError keeps its own problem. */
export function toAwsProblem(err: unknown, ctx: CallSite): AwsProblem {
  if (err instanceof AwsError) return err.problem;
  return problemFor(errorFacts(err), ctx);
}

/** Wraps a thrown value as an AwsError (as is when it already is one). */
export function toAwsError(err: unknown, ctx: CallSite): AwsError {
  if (err instanceof AwsError) return err;
  return new AwsError(toAwsProblem(err, ctx), { cause: err });
}

function errorFacts(err: unknown): ErrorFacts {
  if (typeof err !== "object" || err === null) {
    return { code: "", message: typeof err === "string" ? err : "", serverFault: false };
  }
  const e = err as Record<string, unknown>;
  const meta = e.$metadata as { httpStatusCode?: unknown } | undefined;
  const status = typeof meta?.httpStatusCode === "number" ? meta.httpStatusCode : undefined;
  // Network failures arrive as plain Node errors, sometimes wrapped once (`cause`) by the HTTP handler.
  const cause = (e.cause ?? {}) as Record<string, unknown>;
  const errno = str(e.code) ?? str(cause.code);
  const name = str(e.name);
  const awsCode = str(e.Code) ?? (name && name !== "Error" ? name : undefined);
  return {
    code: errno && /^E[A-Z_]+$/.test(errno) ? errno : (awsCode ?? errno ?? ""),
    message: str(e.message) ?? "",
    status,
    serverFault: e.$fault === "server" || (status !== undefined && status >= 500),
  };
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
