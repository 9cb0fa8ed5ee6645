/** Every STS action the sandbox answers, by its AWS name. STS is global: no region state is involved. */
import type { FormNode } from "../protocol/query-form";
import { leaf } from "../protocol/xml";
import type { Caller } from "./caller";

export interface StsContext {
  caller: Caller;
  params: FormNode;
  now: number;
}

/** Returns the inside of `<XResult>`. */
export type StsOperation = (ctx: StsContext) => string;

export const stsOps: Record<string, StsOperation> = {
  GetCallerIdentity: ({ caller }) =>
    leaf("Arn", caller.arn) + leaf("UserId", caller.userId) + leaf("Account", caller.accountId),
};
