/**
 * The one error type every sandbox operation throws. The wire layer turns it into the service's own
 * error envelope, so an operation never needs to know which protocol answers.
 */
export class SandboxError extends Error {
  /** Extra members of a JSON-protocol error body, e.g. Organizations' `Reason`. */
  extra?: Record<string, unknown>;

  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** `Receiver` for server-side faults (5xx), as AWS marks them in awsQuery errors. */
    readonly type: "Sender" | "Receiver" = status >= 500 ? "Receiver" : "Sender",
  ) {
    super(message);
    this.name = code;
  }
}

/** Shorthand for the most common AWS validation answer. */
export function invalidValue(message: string): SandboxError {
  return new SandboxError("InvalidParameterValue", message, 400);
}

export function invalidCombination(message: string): SandboxError {
  return new SandboxError("InvalidParameterCombination", message, 400);
}
