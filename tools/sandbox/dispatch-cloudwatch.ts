/**
 * One CloudWatch call in any of its three protocols: resolve the caller's account and the region, count
 * it, apply faults and the caller's permissions, run the operation on that account-region's alarms and
 * metrics, and answer in the protocol the call came in.
 */
import { randomUUID } from "node:crypto";
import { cloudwatchOps } from "./cloudwatch";
import type { DispatchEnv, DispatchResult, SandboxRequest } from "./dispatch-types";
import { SandboxError } from "./errors";
import { faultError, notAuthorized } from "./faults";
import {
  decodeInput,
  encodeError,
  encodeOutput,
  type CwAnswer,
  type CwProtocol,
} from "./protocol/cloudwatch-wire";
import { accessKeyOf, credentialScope } from "./protocol/request";
import { resolveCaller } from "./sts/caller";

const answerOf = (a: CwAnswer, requestId: string): DispatchResult => ({ kind: "answer", requestId, ...a });

export function runCloudWatch(
  env: DispatchEnv,
  request: SandboxRequest,
  call: { protocol: CwProtocol; action?: string },
): DispatchResult {
  const requestId = randomUUID();
  try {
    const raw = request.rawBody;
    if (request.body === null || !raw)
      throw new SandboxError("SerializationException", "The request body is larger than 1 MiB.", 400);
    const caller = resolveCaller(
      env.state,
      accessKeyOf(request.authorization),
      request.securityToken,
      env.now(),
    );
    const regionName = credentialScope(request.authorization)?.region ?? "us-east-1";
    const action = call.action;
    const op = action ? cloudwatchOps[action] : undefined;
    if (!action || !op) {
      const code = call.protocol === "query" ? "InvalidAction" : "UnknownOperationException";
      throw new SandboxError(
        code,
        `The sandbox's CloudWatch does not answer ${action ?? "this request"}.`,
        400,
      );
    }
    env.countCall(`cloudwatch:${action}`);
    const region = env.state.accounts[caller.accountId]?.regions[regionName];
    if (!region)
      throw new SandboxError(
        "UnrecognizedClientException",
        `Invalid region '${regionName}' for this endpoint.`,
        403,
      );
    const fault = env.matchFault(action, regionName);
    if (fault?.kind === "timeout") return { kind: "hold", holdMs: fault.holdMs ?? 60_000 };
    if (fault) throw faultError(fault.kind, "cloudwatch", action, regionName, caller);
    if (op.write && caller.access === "read") throw notAuthorized("cloudwatch", action, regionName, caller);
    const input = decodeInput(call.protocol, raw);
    const output = op.run({ region, input, now: env.now(), engineMemory: env.engineMemory });
    if (op.write) env.afterWrite();
    return answerOf(encodeOutput(call.protocol, action, output, requestId), requestId);
  } catch (e) {
    if (e instanceof SandboxError) return answerOf(encodeError(call.protocol, e, requestId), requestId);
    env.log(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    const failure = new SandboxError(
      "InternalServiceError",
      "The sandbox failed while processing the request.",
      500,
    );
    return answerOf(encodeError(call.protocol, failure, requestId), requestId);
  }
}
