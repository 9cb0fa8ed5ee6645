/**
 * The estate's members: which accounts, with which credentials, in which regions. One entry per account,
 * always: an account QueueReady cannot reach carries its problem instead of failing the whole list, so a
 * page or the CLI shows "payments: role cannot be assumed" next to the accounts that worked. Only the
 * estate (./estate.ts) calls this; everything else asks the estate.
 */
import { assumedRole, assumedRoleSettings } from "@/lib/adapters/aws/sts/assume-role";
import type { AccountsConfig, ExplicitAccount } from "./accounts-file";
import { AwsError } from "@/lib/adapters/aws/errors";
import {
  listOrganizationAccounts,
  type OrganizationAccount,
} from "@/lib/adapters/aws/organizations/list-accounts";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { AwsProblem } from "@/lib/core/model/resources";
import { callerIdentity } from "./scope-access";

/** What a step runs as when no role is assumed. */
export const OWN_CREDENTIALS = "QueueReady's own credentials";

/** One account of the estate (a `Scope` is one of its regions). */
export interface EstateAccount {
  accountId: string;
  name: string;
  regions: string[];
  /** Reads this account (the read role, or the base credentials); absent when `problem` says why not. */
  read?: AwsSettings;
  /** Applies changes in this account (the apply role, else the read credentials); absent with `read`. */
  apply?: AwsSettings;
  /** The role ARN `read` runs as, or OWN_CREDENTIALS (for the IAM policy a person must grant). */
  readRole: string;
  /** The role ARN `apply` runs as, or OWN_CREDENTIALS. */
  applyRole: string;
  problem?: AwsProblem;
}

const roles = (readRoleArn?: string, applyRoleArn?: string) => ({
  readRole: readRoleArn ?? OWN_CREDENTIALS,
  applyRole: applyRoleArn ?? OWN_CREDENTIALS,
});

const problemOf = (err: unknown): AwsProblem => {
  if (err instanceof AwsError) return err.problem;
  throw err;
};

/** Resolves the read credentials once, so a role that cannot be assumed is reported here, per account. */
async function reachable(account: EstateAccount): Promise<EstateAccount> {
  const credentials = account.read?.credentials;
  if (typeof credentials !== "function") return account;
  try {
    await credentials();
    return account;
  } catch (err) {
    const { accountId, name, regions, readRole, applyRole } = account;
    return { accountId, name, regions, readRole, applyRole, problem: problemOf(err) };
  }
}

function explicitAccount(
  base: AwsSettings,
  callerAccount: string | undefined,
  a: ExplicitAccount,
): EstateAccount {
  const regions = a.regions ?? base.regions;
  const name = a.name ?? a.id;
  const read = a.roleArn
    ? assumedRoleSettings(base, { roleArn: a.roleArn, externalId: a.externalId, purpose: "read" }, regions)
    : { ...base, regions, defaultRegion: regions[0]!, accountId: a.id };
  if (!a.roleArn && callerAccount !== a.id) {
    const message = `Account ${a.id} has no roleArn, so QueueReady would read it with its own credentials, which belong to ${callerAccount ?? "an unknown account"}. Add a roleArn for it.`;
    const problem = { code: "invalid-input" as const, message, retryable: false };
    return { accountId: a.id, name, regions, ...roles(), problem };
  }
  const apply = a.applyRoleArn
    ? {
        ...read,
        credentials: assumedRole(base, {
          roleArn: a.applyRoleArn,
          externalId: a.externalId,
          purpose: "apply",
        }),
      }
    : read;
  return { accountId: a.id, name, regions, read, apply, ...roles(a.roleArn, a.applyRoleArn ?? a.roleArn) };
}

async function organizationAccounts(
  base: AwsSettings,
  org: Extract<AccountsConfig, { organization: unknown }>["organization"],
  caller: string,
  listing: Promise<OrganizationAccount[]>,
): Promise<EstateAccount[]> {
  const regions = org.regions ?? base.regions;
  const own = { ...base, regions, defaultRegion: regions[0]!, accountId: caller };
  let accounts;
  try {
    accounts = await listing;
  } catch (err) {
    const problem = problemOf(err);
    const message =
      problem.awsCode === "AWSOrganizationsNotInUseException"
        ? `AWS Organizations is not in use for account ${caller}: list the accounts in QUEUEREADY_ACCOUNTS_FILE ("accounts": [...]) instead.`
        : problem.awsCode === "AccessDeniedException"
          ? `Account ${caller} may not list the organization's accounts: run QueueReady with credentials of the management account or a delegated administrator.`
          : problem.message;
    return [{ accountId: caller, name: caller, regions, ...roles(), problem: { ...problem, message } }];
  }
  const excluded = new Set(org.exclude);
  return accounts
    .filter((a) => a.status === "ACTIVE" && !excluded.has(a.id))
    .map((a): EstateAccount => {
      if (a.id === caller)
        return { accountId: a.id, name: a.name, regions, read: own, apply: own, ...roles() };
      const roleArn = (role: string) => `arn:aws:iam::${a.id}:role/${role}`;
      const read = assumedRoleSettings(
        base,
        { roleArn: roleArn(org.memberRoleName), externalId: org.externalId, purpose: "read" },
        regions,
      );
      const apply = org.applyRoleName
        ? {
            ...read,
            credentials: assumedRole(base, {
              roleArn: roleArn(org.applyRoleName),
              externalId: org.externalId,
              purpose: "apply",
            }),
          }
        : read;
      const readRoleArn = roleArn(org.memberRoleName);
      const applyRoleArn = org.applyRoleName ? roleArn(org.applyRoleName) : readRoleArn;
      return { accountId: a.id, name: a.name, regions, read, apply, ...roles(readRoleArn, applyRoleArn) };
    });
}

/**
 * Every account of the estate, in the configuration's order (the organization's for org mode). No config:
 * the one account the base credentials belong to. Never throws an AwsError: problems are per account.
 */
export async function listEstateAccounts(
  base: AwsSettings,
  config: AccountsConfig | undefined,
): Promise<EstateAccount[]> {
  // The organization's list does not depend on who is asking: it goes out with GetCallerIdentity, not after.
  const listing = config && "organization" in config ? listOrganizationAccounts(base) : undefined;
  listing?.catch(() => undefined);
  let caller: string | undefined;
  let callerProblem: AwsProblem | undefined;
  try {
    caller = (await callerIdentity(base, base.defaultRegion)).accountId;
  } catch (err) {
    callerProblem = problemOf(err);
  }
  if (!config || "organization" in config) {
    if (!caller)
      return [
        { accountId: "unknown", name: "unknown", regions: base.regions, ...roles(), problem: callerProblem },
      ];
    const own = { ...base, accountId: caller };
    if (!config || !listing)
      return [{ accountId: caller, name: caller, regions: base.regions, read: own, apply: own, ...roles() }];
    const members = await organizationAccounts(base, config.organization, caller, listing);
    return Promise.all(members.map(reachable));
  }
  return Promise.all(config.accounts.map((a) => reachable(explicitAccount(base, caller, a))));
}
