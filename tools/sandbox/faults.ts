/**
 * Fault injection: which request fails, and how each kind looks on each service's wire.
 * A deterministic PRNG decides partial rates so a run with the same calls fails the same way.
 */
import { SandboxError } from "./errors";
import { ACCOUNT_ID } from "./model/state";
import type { ServiceName } from "./protocol/request";

/** Who a denial names; defaults to the seeded account's user. */
export interface Principal {
  arn: string;
  accountId: string;
}
const SEEDED_USER: Principal = { arn: `arn:aws:iam::${ACCOUNT_ID}:user/sandbox`, accountId: ACCOUNT_ID };

export type FaultKind = "throttle" | "5xx" | "timeout" | "access-denied";

/** A fault to inject; see index.ts for the public contract. */
export interface FaultSpec {
  operation: string;
  kind: FaultKind;
  rate?: number;
  count?: number;
  region?: string;
  /** For `timeout`: how long the request is held before its connection is dropped (default 60 s). */
  holdMs?: number;
}

export const FAULT_KINDS: FaultKind[] = ["throttle", "5xx", "timeout", "access-denied"];

/** mulberry32: tiny, fast and good enough to spread a fault rate evenly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function validateFault(f: Partial<FaultSpec>): FaultSpec {
  if (typeof f.operation !== "string" || f.operation === "")
    throw new Error('A fault needs an operation (an action name or "*").');
  if (!FAULT_KINDS.includes(f.kind as FaultKind))
    throw new Error(`A fault kind is one of ${FAULT_KINDS.join(", ")}.`);
  if (f.rate !== undefined && (typeof f.rate !== "number" || f.rate < 0 || f.rate > 1))
    throw new Error("A fault rate is between 0 and 1.");
  if (f.count !== undefined && (!Number.isInteger(f.count) || f.count < 1))
    throw new Error("A fault count is a positive integer.");
  if (f.holdMs !== undefined && (typeof f.holdMs !== "number" || f.holdMs < 0))
    throw new Error("holdMs is a non-negative number.");
  return {
    operation: f.operation,
    kind: f.kind as FaultKind,
    rate: f.rate,
    count: f.count,
    region: f.region,
    holdMs: f.holdMs,
  };
}

/** The error a fault produces for a service (timeouts are handled by the server, not as an error). */
export function faultError(
  kind: Exclude<FaultKind, "timeout">,
  service: ServiceName,
  action: string,
  region: string,
  principal: Principal = SEEDED_USER,
): SandboxError {
  if (kind === "throttle") {
    if (service === "organizations")
      return new SandboxError(
        "TooManyRequestsException",
        "You have sent too many requests in too short a period of time.",
        400,
      );
    if (service === "memorydb") return new SandboxError("ThrottlingException", "Rate exceeded", 400);
    return service === "ec2"
      ? new SandboxError("RequestLimitExceeded", "Request limit exceeded.", 503, "Sender")
      : new SandboxError("Throttling", "Rate exceeded", 400);
  }
  if (kind === "5xx") {
    if (service === "organizations")
      return new SandboxError(
        "ServiceException",
        "AWS Organizations can't complete your request because of an internal service error.",
        500,
      );
    return service === "ec2"
      ? new SandboxError("Unavailable", "The service is unavailable. Please try again shortly.", 503)
      : new SandboxError(
          "InternalFailure",
          "An internal error has occurred. Please try your query again at a later time.",
          500,
        );
  }
  return notAuthorized(service, action, region, principal);
}

/** The refusal of an action the principal's policies do not allow, in each service's words. */
export function notAuthorized(
  service: ServiceName,
  action: string,
  region: string,
  principal: Principal = SEEDED_USER,
): SandboxError {
  const { arn: user, accountId } = principal;
  if (service === "organizations")
    return new SandboxError(
      "AccessDeniedException",
      "You don't have permissions to access this resource.",
      400,
    );
  if (service === "memorydb")
    return new SandboxError(
      "AccessDeniedException",
      `User: ${user} is not authorized to perform: memorydb:${action} on resource: arn:aws:memorydb:${region}:${accountId}:*`,
      400,
    );
  if (service === "ec2") {
    return new SandboxError(
      "UnauthorizedOperation",
      `You are not authorized to perform this operation. User: ${user} is not authorized to perform: ec2:${action} ` +
        `on resource: arn:aws:ec2:${region}:${accountId}:* because no identity-based policy allows the ec2:${action} action`,
      403,
    );
  }
  const resource =
    service === "sts"
      ? `arn:aws:iam::${accountId}:*`
      : service === "cloudformation"
        ? `arn:aws:cloudformation:${region}:${accountId}:stack/*/*`
        : service === "cloudwatch"
          ? `arn:aws:cloudwatch:${region}:${accountId}:alarm:*`
          : `arn:aws:elasticache:${region}:${accountId}:*`;
  return new SandboxError(
    "AccessDenied",
    `User: ${user} is not authorized to perform: ${service}:${action} on resource: ${resource}`,
    403,
  );
}

export class FaultTable {
  private faults: Array<FaultSpec & { remaining?: number }> = [];
  private random = prng(20250115);

  add(f: FaultSpec): void {
    this.faults.push({ ...f, remaining: f.count });
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault that fires for this call, consuming one of its count. */
  match(action: string, region: string): FaultSpec | undefined {
    for (const f of this.faults) {
      if (f.operation !== "*" && f.operation !== action) continue;
      if (f.region && f.region !== region) continue;
      if (f.remaining !== undefined && f.remaining <= 0) continue;
      if (this.random() >= (f.rate ?? 1)) continue;
      if (f.remaining !== undefined) f.remaining -= 1;
      return f;
    }
    return undefined;
  }
}
