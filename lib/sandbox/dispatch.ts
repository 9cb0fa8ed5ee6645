/**
 * One AWS call, protocol-agnostic up to the envelope: resolve the target, count it, apply faults,
 * honour DryRun, settle the region's clock-driven transitions, run the operation, and wrap the
 * answer (or the error) in the service's own XML.
 */
import { randomUUID } from "node:crypto";
import { ec2Ops } from "./ec2";
import { elasticacheOps } from "./elasticache";
import { SandboxError } from "./errors";
import { faultError, type FaultSpec } from "./faults";
import { settleRegion } from "./model/lifecycle";
import type { CacheClusterState, RegionState, SandboxState } from "./model/state";
import { ec2Error, ec2Response } from "./protocol/ec2-wire";
import { elasticacheError, elasticacheResponse } from "./protocol/elasticache-wire";
import { stsError, stsResponse } from "./protocol/sts-wire";
import { bool, parseForm } from "./protocol/query-form";
import { credentialScope, resolveTarget, type ServiceName } from "./protocol/request";
import { stsOps } from "./sts";
import { baseCaller } from "./sts/caller";

export interface DispatchEnv {
  state: SandboxState;
  applyDelayMs: number;
  now(): number;
  countCall(key: string): void;
  matchFault(action: string, region: string): FaultSpec | undefined;
  /** Called after a successful write (persistence). */
  afterWrite(): void;
  log(line: string): void;
  /** A parameter change reached `in-sync` on a cluster (the sandbox's real engines, when on). */
  onInSync?(region: RegionState, cc: CacheClusterState): void;
}

export type DispatchResult =
  { kind: "answer"; status: number; body: string; requestId: string } | { kind: "hold"; holdMs: number };

function errorAnswer(service: ServiceName, e: SandboxError, requestId: string): DispatchResult {
  const body =
    service === "ec2"
      ? ec2Error(e.code, e.message, requestId)
      : (service === "sts" ? stsError : elasticacheError)(e.code, e.message, e.type, requestId);
  return { kind: "answer", status: e.status, body, requestId };
}

/** STS is global: it answers in any region a client signs for, and touches no region's state. */
function runSts(
  env: DispatchEnv,
  target: { action: string; region?: string },
  form: ReturnType<typeof parseForm>,
  requestId: string,
): DispatchResult {
  const fault = env.matchFault(target.action, target.region ?? "us-east-1");
  if (fault?.kind === "timeout") return { kind: "hold", holdMs: fault.holdMs ?? 60_000 };
  if (fault) throw faultError(fault.kind, "sts", target.action, target.region ?? "us-east-1");
  const op = stsOps[target.action];
  if (!op) {
    throw new SandboxError(
      "InvalidAction",
      `Could not find operation ${target.action} for version 2011-06-15 (not supported by the QueueReady sandbox).`,
      400,
    );
  }
  const result = op({ caller: baseCaller(), params: form, now: env.now() });
  return { kind: "answer", status: 200, body: stsResponse(target.action, result, requestId), requestId };
}

/** `rawBody` is null when the body was too large to read. */
export function dispatch(
  env: DispatchEnv,
  authorization: string | undefined,
  rawBody: string | null,
): DispatchResult {
  const requestId = randomUUID();
  const scope = credentialScope(authorization);
  let service: ServiceName =
    scope?.service === "ec2" || scope?.service === "sts" ? scope.service : "elasticache";
  try {
    if (rawBody === null)
      throw new SandboxError("MalformedQueryString", "The request body is larger than 1 MiB.", 400);
    const form = parseForm(rawBody);
    const target = resolveTarget(authorization, form);
    service = target.service;
    // An unsigned request (curl) has no scope: serve the seed's main region.
    const regionName = target.region ?? "us-east-1";
    env.countCall(`${service}:${target.action}`);
    if (service === "sts") return runSts(env, target, form, requestId);
    const region = env.state.regions[regionName];
    if (!region) {
      // Real AWS has no endpoint for an unknown region (DNS fails) and answers a region not enabled
      // for the account at authentication with UnrecognizedClientException. That is the closest
      // faithful answer from one shared endpoint: a 4xx naming the region, not retried by SDKs, and
      // distinct from bad credentials (SignatureDoesNotMatch / AuthFailure).
      const served = Object.keys(env.state.regions).join(", ");
      throw new SandboxError(
        "UnrecognizedClientException",
        `Invalid region '${regionName}': this endpoint serves ${served}.`,
        403,
      );
    }
    const fault = env.matchFault(target.action, regionName);
    if (fault?.kind === "timeout") return { kind: "hold", holdMs: fault.holdMs ?? 60_000 };
    if (fault) throw faultError(fault.kind, service, target.action, regionName);
    const op = (service === "ec2" ? ec2Ops : elasticacheOps)[target.action];
    if (!op) {
      throw new SandboxError(
        "InvalidAction",
        `The action ${target.action} is not valid for this web service (not supported by the QueueReady sandbox).`,
        400,
      );
    }
    if (service === "ec2" && bool(form, "DryRun")) {
      throw new SandboxError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
    }
    settleRegion(region, env.now(), env.onInSync);
    const body = op.run({ region, params: form, now: env.now(), applyDelayMs: env.applyDelayMs });
    if (op.write) env.afterWrite();
    const xml =
      service === "ec2"
        ? ec2Response(target.action, body ?? "", requestId)
        : elasticacheResponse(target.action, body, requestId);
    return { kind: "answer", status: 200, body: xml, requestId };
  } catch (e) {
    if (e instanceof SandboxError) return errorAnswer(service, e, requestId);
    env.log(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return errorAnswer(
      service,
      new SandboxError("InternalFailure", "The sandbox failed while processing the request.", 500),
      requestId,
    );
  }
}
