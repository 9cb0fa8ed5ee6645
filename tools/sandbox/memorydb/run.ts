/**
 * One MemoryDB call through the sandbox's common steps: the caller's account and region, call counting,
 * faults, a read-only role's refusal of writes, the settle clock, then the operation and persistence.
 */
import type { DispatchEnv, DispatchResult } from "@/tools/sandbox/dispatch-types";
import { SandboxError } from "@/tools/sandbox/errors";
import { faultError, notAuthorized } from "@/tools/sandbox/faults";
import { settleRegion } from "@/tools/sandbox/model/lifecycle";
import { JSON_CONTENT_TYPE, parseJsonBody } from "@/tools/sandbox/protocol/json-wire";
import type { Caller } from "@/tools/sandbox/sts/caller";
import { memoryDbOps } from "./index";

export interface MemoryDbCall {
  action: string;
  region: string;
  raw: string;
  caller: Caller;
}

export function runMemoryDb(env: DispatchEnv, call: MemoryDbCall, requestId: string): DispatchResult {
  env.countCall(`memorydb:${call.action}`);
  const account = env.state.accounts[call.caller.accountId];
  const region = account?.regions[call.region];
  if (!region) {
    const served = Object.keys(account?.regions ?? {}).join(", ");
    throw new SandboxError(
      "UnrecognizedClientException",
      `Invalid region '${call.region}': this endpoint serves ${served}.`,
      400,
    );
  }
  const fault = env.matchFault(call.action, call.region);
  if (fault?.kind === "timeout") return { kind: "hold", holdMs: fault.holdMs ?? 60_000 };
  if (fault) throw faultError(fault.kind, "memorydb", call.action, call.region, call.caller);
  const op = memoryDbOps[call.action];
  if (!op)
    throw new SandboxError(
      "UnknownOperationException",
      `The sandbox does not answer AmazonMemoryDB.${call.action}.`,
      400,
    );
  if (op.write && call.caller.access === "read")
    throw notAuthorized("memorydb", call.action, call.region, call.caller);
  const body = parseJsonBody(call.raw);
  settleRegion(region, env.now(), env.onInSync);
  const result = op.run({ region, body, now: env.now(), applyDelayMs: env.applyDelayMs });
  if (op.write) env.afterWrite();
  return {
    kind: "answer",
    status: 200,
    body: JSON.stringify(result),
    requestId,
    contentType: JSON_CONTENT_TYPE,
  };
}
