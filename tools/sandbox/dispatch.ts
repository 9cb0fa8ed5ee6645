/**
 * One AWS call, protocol-agnostic up to the envelope: resolve the caller (and so the account), the
 * target service and region, count it, apply faults and the caller's permissions, honour DryRun, settle
 * the region's clock-driven transitions, run the operation, and wrap the answer (or the error) in the
 * service's own envelope.
 */
import { randomUUID } from "node:crypto";
import { cloudformationOps } from "./cloudformation";
import { runCloudWatch } from "./dispatch-cloudwatch";
import { runOrganizations, runSts } from "./dispatch-global";
import { ec2Ops } from "./ec2";
import { elasticacheOps } from "./elasticache";
import { SandboxError } from "./errors";
import type { DispatchEnv, DispatchResult, SandboxRequest } from "./dispatch-types";
import { faultError, notAuthorized } from "./faults";
import { settleRegion } from "./model/lifecycle";
import { cloudformationError, cloudformationResponse } from "./protocol/cloudformation-wire";
import { ec2Error, ec2Response } from "./protocol/ec2-wire";
import { elasticacheError, elasticacheResponse } from "./protocol/elasticache-wire";
import { memoryDbError, MEMORYDB_TARGET_PREFIX } from "./memorydb";
import { runMemoryDb } from "./memorydb/run";
import { JSON_CONTENT_TYPE, jsonError, parseAmzTarget } from "./protocol/json-wire";
import { cloudwatchCall } from "./protocol/cloudwatch-wire";
import { bool, parseForm } from "./protocol/query-form";
import { accessKeyOf, credentialScope, resolveTarget, type ServiceName } from "./protocol/request";
import { stsError } from "./protocol/sts-wire";
import { resolveCaller } from "./sts/caller";

const XML = "text/xml;charset=UTF-8";

function errorAnswer(service: ServiceName, e: SandboxError, requestId: string): DispatchResult {
  const answer = (body: string, contentType = XML): DispatchResult => ({
    kind: "answer",
    status: e.status,
    body,
    requestId,
    contentType,
  });
  if (service === "organizations") return answer(jsonError(e.code, e.message, e.extra), JSON_CONTENT_TYPE);
  if (service === "memorydb") return answer(memoryDbError(e.code, e.message), JSON_CONTENT_TYPE);
  if (service === "ec2") return answer(ec2Error(e.code, e.message, requestId));
  if (service === "cloudformation") return answer(cloudformationError(e.code, e.message, e.type, requestId));
  return answer((service === "sts" ? stsError : elasticacheError)(e.code, e.message, e.type, requestId));
}

export function dispatch(env: DispatchEnv, request: SandboxRequest): DispatchResult {
  const requestId = randomUUID();
  const scope = credentialScope(request.authorization);
  const cloudwatch = cloudwatchCall({
    path: request.path ?? "/",
    amzTarget: request.amzTarget,
    scopeService: scope?.service,
    body: request.body ?? "",
  });
  if (cloudwatch) return runCloudWatch(env, request, cloudwatch);
  let service: ServiceName = request.amzTarget
    ? request.amzTarget.startsWith(`${MEMORYDB_TARGET_PREFIX}.`)
      ? "memorydb"
      : "organizations"
    : scope?.service === "ec2" || scope?.service === "sts" || scope?.service === "cloudformation"
      ? scope.service
      : "elasticache";
  try {
    if (request.body === null)
      throw new SandboxError("MalformedQueryString", "The request body is larger than 1 MiB.", 400);
    const caller = resolveCaller(
      env.state,
      accessKeyOf(request.authorization),
      request.securityToken,
      env.now(),
    );
    // An unsigned request (curl) has no scope: serve the seed's main region.
    if (request.amzTarget) {
      const call = {
        amzTarget: request.amzTarget,
        region: scope?.region ?? "us-east-1",
        raw: request.body,
        caller,
      };
      if (service === "memorydb")
        return runMemoryDb(env, { ...call, action: parseAmzTarget(request.amzTarget).action }, requestId);
      return runOrganizations(env, call, requestId);
    }
    const form = parseForm(request.body);
    const target = resolveTarget(request.authorization, form);
    service = target.service;
    const regionName = target.region ?? "us-east-1";
    env.countCall(`${service}:${target.action}`);
    if (service === "sts")
      return runSts(env, { action: target.action, region: regionName, form, caller }, requestId);
    const account = env.state.accounts[caller.accountId];
    const region = account?.regions[regionName];
    if (!region) {
      // Real AWS has no endpoint for an unknown region (DNS fails) and answers a region not enabled
      // for the account at authentication with UnrecognizedClientException. That is the closest
      // faithful answer from one shared endpoint: a 4xx naming the region, not retried by SDKs, and
      // distinct from bad credentials (SignatureDoesNotMatch / AuthFailure).
      const served = Object.keys(account?.regions ?? {}).join(", ");
      throw new SandboxError(
        "UnrecognizedClientException",
        `Invalid region '${regionName}': this endpoint serves ${served}.`,
        403,
      );
    }
    const fault = env.matchFault(target.action, regionName);
    if (fault?.kind === "timeout") return { kind: "hold", holdMs: fault.holdMs ?? 60_000 };
    if (fault) throw faultError(fault.kind, service, target.action, regionName, caller);
    const op = (
      service === "ec2" ? ec2Ops : service === "cloudformation" ? cloudformationOps : elasticacheOps
    )[target.action];
    if (!op) {
      throw new SandboxError(
        "InvalidAction",
        `The action ${target.action} is not valid for this web service (not supported by the QueueReady sandbox).`,
        400,
      );
    }
    // A read-only role's policy allows Describe* only; EC2 checks it before DryRun, as AWS does.
    if (op.write && caller.access === "read") throw notAuthorized(service, target.action, regionName, caller);
    if (service === "ec2" && bool(form, "DryRun")) {
      throw new SandboxError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
    }
    settleRegion(region, env.now(), env.onInSync);
    const body = op.run({ region, params: form, now: env.now(), applyDelayMs: env.applyDelayMs });
    if (op.write) env.afterWrite();
    const xml =
      service === "ec2"
        ? ec2Response(target.action, body ?? "", requestId)
        : service === "cloudformation"
          ? cloudformationResponse(target.action, body ?? "", requestId)
          : elasticacheResponse(target.action, body, requestId);
    return { kind: "answer", status: 200, body: xml, requestId, contentType: XML };
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

export type { DispatchEnv, DispatchResult, SandboxRequest } from "./dispatch-types";
