/** Every STS action the sandbox answers, by its AWS name. STS is global: no region state is involved. */
import { leaf } from "@/tools/sandbox/protocol/xml";
import { assumeRole } from "./assume-role";
import type { StsOperation } from "./caller";

export type { StsContext, StsOperation } from "./caller";

export const stsOps: Record<string, StsOperation> = {
  GetCallerIdentity: ({ caller }) =>
    leaf("Arn", caller.arn) + leaf("UserId", caller.userId) + leaf("Account", caller.accountId),
  AssumeRole: assumeRole,
};
