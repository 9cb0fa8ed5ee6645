/**
 * Who is calling. Long-term keys (anything STS did not issue) belong to the default account's IAM user;
 * temporary credentials it issued carry their session in the session token, so they stay bound to the account they
 * were issued for across a reset or a restart. The sandbox never checks secrets: it has none to check.
 */
import { SandboxError } from "@/tools/sandbox/errors";
import type { RoleState, SandboxState } from "@/tools/sandbox/model/state";
import type { FormNode } from "@/tools/sandbox/protocol/query-form";

export interface Caller {
  accountId: string;
  /** `arn:aws:iam::<account>:user/sandbox`, or `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  arn: string;
  /** `AIDA...` for a user, `AROA...:<session>` for an assumed role, as STS spells them. */
  userId: string;
  /** What the caller's policies allow: a read role is refused every write. */
  access: RoleState["access"];
}

export interface StsContext {
  state: SandboxState;
  caller: Caller;
  params: FormNode;
  now: number;
}

/** Returns the inside of `<XResult>`. */
export type StsOperation = (ctx: StsContext) => string;

/** What a sandbox session token carries. */
export interface Session {
  accessKeyId: string;
  accountId: string;
  roleName: string;
  sessionName: string;
  expiresAt: number;
}

const TOKEN_PREFIX = "SBXSESSION1.";

export function baseCaller(accountId: string): Caller {
  return {
    accountId,
    arn: `arn:aws:iam::${accountId}:user/sandbox`,
    userId: "AIDASANDBOXUSER000001",
    access: "admin",
  };
}

/** The RoleId STS reports (`AROA` + 17 characters), stable per account and role. */
export function roleId(accountId: string, roleName: string): string {
  let h = 2166136261;
  for (const c of `${accountId}/${roleName}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return `AROA${accountId.slice(0, 5)}${h.toString(36).toUpperCase().padStart(12, "0").slice(0, 12)}`;
}

export function encodeSession(session: Session): string {
  return TOKEN_PREFIX + Buffer.from(JSON.stringify(session)).toString("base64url");
}

function decodeSession(token: string): Session | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  try {
    const s = JSON.parse(
      Buffer.from(token.slice(TOKEN_PREFIX.length), "base64url").toString("utf8"),
    ) as Session;
    const ok = [s.accessKeyId, s.accountId, s.roleName, s.sessionName].every((v) => typeof v === "string");
    return ok && typeof s.expiresAt === "number" ? s : undefined;
  } catch {
    return undefined;
  }
}

const invalidToken = () =>
  new SandboxError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);

/** The caller of a request from its access key id and `X-Amz-Security-Token`, as STS would resolve it. */
export function resolveCaller(
  state: SandboxState,
  accessKeyId: string | undefined,
  securityToken: string | undefined,
  now: number,
): Caller {
  // Any credentials the sandbox did not issue are accepted as the default account's (dummy keys, a stray
  // real session token in the environment): the sandbox's contract is "any dummy credentials work".
  if (!securityToken?.startsWith(TOKEN_PREFIX)) return baseCaller(state.defaultAccountId);
  const session = decodeSession(securityToken);
  if (!session || (accessKeyId !== undefined && accessKeyId !== session.accessKeyId)) throw invalidToken();
  if (session.expiresAt <= now)
    throw new SandboxError("ExpiredToken", "The security token included in the request is expired", 400);
  const role = state.accounts[session.accountId]?.roles.find((r) => r.name === session.roleName);
  if (!role) throw invalidToken();
  return {
    accountId: session.accountId,
    arn: `arn:aws:sts::${session.accountId}:assumed-role/${role.name}/${session.sessionName}`,
    userId: `${roleId(session.accountId, role.name)}:${session.sessionName}`,
    access: role.access,
  };
}
