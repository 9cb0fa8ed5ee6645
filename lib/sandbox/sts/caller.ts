/**
 * Who is calling. Long-term keys (anything the sandbox did not issue) are the seeded account's IAM user;
 * the sandbox never checks secrets, as it has none to check them against.
 */
import { ACCOUNT_ID } from "../model/state";

export interface Caller {
  accountId: string;
  /** `arn:aws:iam::<account>:user/sandbox`, or `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  arn: string;
  /** `AIDA...` for a user, `AROA...:<session>` for an assumed role, as STS spells them. */
  userId: string;
}

/** The identity behind any long-term access key. */
export function baseCaller(accountId: string = ACCOUNT_ID): Caller {
  return { accountId, arn: `arn:aws:iam::${accountId}:user/sandbox`, userId: "AIDASANDBOXUSER000001" };
}
