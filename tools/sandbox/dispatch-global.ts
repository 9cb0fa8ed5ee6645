/**
 * The two global services: STS (awsQuery) and Organizations (awsJson1_1). They answer in any region a
 * client signs for and read the accounts, never a region's resources.
 */
import { SandboxError } from "./errors";
import { faultError } from "./faults";
import { organizationsOps, ORGANIZATIONS_TARGET_PREFIX } from "./organizations";
import { JSON_CONTENT_TYPE, parseAmzTarget, parseJsonBody } from "./protocol/json-wire";
import type { FormNode } from "./protocol/query-form";
import { stsResponse } from "./protocol/sts-wire";
import { stsOps } from "./sts";
import type { Caller } from "./sts/caller";
import type { DispatchEnv, DispatchResult } from "./dispatch-types";

const XML = "text/xml;charset=UTF-8";

function faultFor(
  env: DispatchEnv,
  service: "sts" | "organizations",
  action: string,
  region: string,
  caller: Caller,
) {
  const fault = env.matchFault(action, region);
  if (fault && fault.kind !== "timeout") throw faultError(fault.kind, service, action, region, caller);
  return fault?.kind === "timeout" ? (fault.holdMs ?? 60_000) : undefined;
}

export function runSts(
  env: DispatchEnv,
  call: { action: string; region: string; form: FormNode; caller: Caller },
  requestId: string,
): DispatchResult {
  const holdMs = faultFor(env, "sts", call.action, call.region, call.caller);
  if (holdMs !== undefined) return { kind: "hold", holdMs };
  const op = stsOps[call.action];
  if (!op) {
    throw new SandboxError(
      "InvalidAction",
      `Could not find operation ${call.action} for version 2011-06-15 (not supported by the QueueReady sandbox).`,
      400,
    );
  }
  const result = op({ state: env.state, caller: call.caller, params: call.form, now: env.now() });
  return {
    kind: "answer",
    status: 200,
    body: stsResponse(call.action, result, requestId),
    requestId,
    contentType: XML,
  };
}

export function runOrganizations(
  env: DispatchEnv,
  call: { amzTarget: string; region: string; raw: string; caller: Caller },
  requestId: string,
): DispatchResult {
  const { prefix, action } = parseAmzTarget(call.amzTarget);
  env.countCall(`organizations:${action}`);
  const op = prefix === ORGANIZATIONS_TARGET_PREFIX ? organizationsOps[action] : undefined;
  if (!op)
    throw new SandboxError(
      "UnknownOperationException",
      `The sandbox does not answer ${call.amzTarget}.`,
      400,
    );
  const holdMs = faultFor(env, "organizations", action, call.region, call.caller);
  if (holdMs !== undefined) return { kind: "hold", holdMs };
  const result = op({ state: env.state, caller: call.caller, body: parseJsonBody(call.raw) });
  return {
    kind: "answer",
    status: 200,
    body: JSON.stringify(result),
    requestId,
    contentType: JSON_CONTENT_TYPE,
  };
}
