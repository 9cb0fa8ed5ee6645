/**
 * AWS Organizations (awsJson1_1, target prefix `AWSOrganizationsV20161128`): `DescribeOrganization` and
 * `ListAccounts`, with the service's own refusals: a standalone account is not in use, a member account
 * may not list accounts, and MaxResults / NextToken are checked against the model's bounds.
 */
import { SandboxError } from "@/tools/sandbox/errors";
import type { AccountState, OrganizationState, SandboxState } from "@/tools/sandbox/model/state";
import type { Caller } from "@/tools/sandbox/sts/caller";

export const ORGANIZATIONS_TARGET_PREFIX = "AWSOrganizationsV20161128";

export interface OrganizationsContext {
  state: SandboxState;
  caller: Caller;
  body: Record<string, unknown>;
}

export type OrganizationsOperation = (ctx: OrganizationsContext) => unknown;

function invalidInput(reason: string, message: string): SandboxError {
  const e = new SandboxError("InvalidInputException", message, 400);
  e.extra = { Reason: reason };
  return e;
}

function organizationOf(ctx: OrganizationsContext): OrganizationState {
  const org = ctx.state.organization;
  const member = org && ctx.state.accounts[ctx.caller.accountId];
  if (!org || !member)
    throw new SandboxError(
      "AWSOrganizationsNotInUseException",
      "Your account is not a member of an organization.",
      400,
    );
  return org;
}

const accountArn = (org: OrganizationState, id: string) =>
  `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${id}`;

function accountJson(org: OrganizationState, a: AccountState) {
  return {
    Id: a.id,
    Arn: accountArn(org, a.id),
    Email: a.email,
    Name: a.name,
    Status: a.status,
    State: a.status,
    JoinedMethod: a.id === org.managementAccountId ? "CREATED" : "INVITED",
    JoinedTimestamp: a.joinedAt / 1000,
  };
}

function pageSize(body: Record<string, unknown>): number {
  const raw = body.MaxResults;
  if (raw === undefined) return 20;
  if (typeof raw !== "number" || !Number.isInteger(raw))
    throw new SandboxError("SerializationException", "MaxResults must be an integer.", 400);
  if (raw < 1)
    throw invalidInput(
      "MIN_VALUE_EXCEEDED",
      "You provided a value that is below the minimum allowed value (1) for MaxResults.",
    );
  if (raw > 20)
    throw invalidInput(
      "MAX_VALUE_EXCEEDED",
      "You provided a value that exceeds the maximum allowed value (20) for MaxResults.",
    );
  return raw;
}

function startOf(body: Record<string, unknown>, total: number): number {
  const token = body.NextToken;
  if (token === undefined) return 0;
  const m = typeof token === "string" ? /^sbx-accounts-(\d+)$/.exec(token) : null;
  const start = m ? Number(m[1]) : NaN;
  if (!(start > 0 && start < total))
    throw invalidInput("INVALID_NEXT_TOKEN", "The specified token is invalid.");
  return start;
}

export const organizationsOps: Record<string, OrganizationsOperation> = {
  DescribeOrganization: (ctx) => {
    const org = organizationOf(ctx);
    const management = ctx.state.accounts[org.managementAccountId]!;
    return {
      Organization: {
        Id: org.id,
        Arn: `arn:aws:organizations::${org.managementAccountId}:organization/${org.id}`,
        FeatureSet: "ALL",
        MasterAccountArn: accountArn(org, org.managementAccountId),
        MasterAccountId: org.managementAccountId,
        MasterAccountEmail: management.email,
        AvailablePolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
      },
    };
  },
  ListAccounts: (ctx) => {
    const org = organizationOf(ctx);
    if (ctx.caller.accountId !== org.managementAccountId)
      throw new SandboxError(
        "AccessDeniedException",
        "You don't have permissions to access this resource.",
        400,
      );
    const accounts = Object.values(ctx.state.accounts);
    const size = pageSize(ctx.body);
    const start = startOf(ctx.body, accounts.length);
    const end = start + size;
    return {
      Accounts: accounts.slice(start, end).map((a) => accountJson(org, a)),
      ...(end < accounts.length ? { NextToken: `sbx-accounts-${end}` } : {}),
    };
  },
};
