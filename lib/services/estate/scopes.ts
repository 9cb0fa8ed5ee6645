/**
 * The audit's scopes: which accounts, with which credentials, in which regions. One entry per account,
 * always: an account QueueReady cannot reach carries its problem instead of failing the whole list, so a
 * page or the CLI shows "payments: role cannot be assumed" next to the accounts that worked.
 */
import { assumedRole, assumedRoleSettings } from "@/lib/adapters/aws/sts/assume-role";
import type { AccountsConfig, ExplicitAccount } from "./accounts-file";
import { AwsError } from "@/lib/adapters/aws/errors";
import {
  listOrganizationAccounts,
  type OrganizationAccount,
} from "@/lib/adapters/aws/organizations/list-accounts";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { getCallerIdentity } from "@/lib/adapters/aws/sts/caller-identity";
import type { AwsProblem } from "@/lib/core/model/resources";

export interface AccountScope {
  accountId: string;
  name: string;
  regions: string[];
  /** Reads this account (the read role, or the base credentials); absent when `problem` says why not. */
  settings?: AwsSettings;
  /** Applies changes in this account (the apply role, else the read credentials). */
  applySettings?: AwsSettings;
  problem?: AwsProblem;
  /** The role `settings` reads as; absent = QueueReady's own (base) credentials. */
  readRoleArn?: string;
  /** The role `applySettings` applies as; absent = QueueReady's own (base) credentials. */
  applyRoleArn?: string;
}

const problemOf = (err: unknown): AwsProblem => {
  if (err instanceof AwsError) return err.problem;
  throw err;
};

/** Resolves the read credentials once, so a role that cannot be assumed is reported here, per account. */
async function reachable(scope: AccountScope): Promise<AccountScope> {
  const credentials = scope.settings?.credentials;
  if (typeof credentials !== "function") return scope;
  try {
    await credentials();
    return scope;
  } catch (err) {
    const { accountId, name, regions, readRoleArn, applyRoleArn } = scope;
    return { accountId, name, regions, readRoleArn, applyRoleArn, problem: problemOf(err) };
  }
}

function explicitScope(
  base: AwsSettings,
  callerAccount: string | undefined,
  a: ExplicitAccount,
): AccountScope {
  const regions = a.regions ?? base.regions;
  const name = a.name ?? a.id;
  const read = a.roleArn
    ? assumedRoleSettings(base, { roleArn: a.roleArn, externalId: a.externalId, purpose: "read" }, regions)
    : { ...base, regions, defaultRegion: regions[0]!, accountId: a.id };
  if (!a.roleArn && callerAccount !== a.id) {
    const message = `Account ${a.id} has no roleArn, so QueueReady would read it with its own credentials, which belong to ${callerAccount ?? "an unknown account"}. Add a roleArn for it.`;
    return { accountId: a.id, name, regions, problem: { code: "invalid-input", message, retryable: false } };
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
  const roles = { readRoleArn: a.roleArn, applyRoleArn: a.applyRoleArn ?? a.roleArn };
  return { accountId: a.id, name, regions, settings: read, applySettings: apply, ...roles };
}

async function organizationScopes(
  base: AwsSettings,
  org: Extract<AccountsConfig, { organization: unknown }>["organization"],
  caller: string,
  listing: Promise<OrganizationAccount[]>,
): Promise<AccountScope[]> {
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
    return [{ accountId: caller, name: caller, regions, problem: { ...problem, message } }];
  }
  const excluded = new Set(org.exclude);
  return accounts
    .filter((a) => a.status === "ACTIVE" && !excluded.has(a.id))
    .map((a): AccountScope => {
      if (a.id === caller)
        return { accountId: a.id, name: a.name, regions, settings: own, applySettings: own };
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
      return {
        accountId: a.id,
        name: a.name,
        regions,
        settings: read,
        applySettings: apply,
        readRoleArn,
        applyRoleArn,
      };
    });
}

/**
 * Every account to audit, in the configuration's order (the organization's for org mode). No config: the
 * one account the base credentials belong to. Never throws an AwsError: problems are per account.
 */
export async function listAuditScopes(
  base: AwsSettings,
  config: AccountsConfig | undefined,
): Promise<AccountScope[]> {
  // The organization's list does not depend on who is asking: it goes out with GetCallerIdentity, not after.
  const listing = config && "organization" in config ? listOrganizationAccounts(base) : undefined;
  listing?.catch(() => undefined);
  let caller: string | undefined;
  let callerProblem: AwsProblem | undefined;
  try {
    caller = (await getCallerIdentity(base, base.defaultRegion)).accountId;
  } catch (err) {
    callerProblem = problemOf(err);
  }
  if (!config || "organization" in config) {
    if (!caller)
      return [{ accountId: "unknown", name: "unknown", regions: base.regions, problem: callerProblem }];
    const own = { ...base, accountId: caller };
    if (!config || !listing)
      return [{ accountId: caller, name: caller, regions: base.regions, settings: own, applySettings: own }];
    return Promise.all((await organizationScopes(base, config.organization, caller, listing)).map(reachable));
  }
  return Promise.all(config.accounts.map((a) => reachable(explicitScope(base, caller, a))));
}
