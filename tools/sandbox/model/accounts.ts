/**
 * Accounts of the sandbox state: building them, finding one, and the roles STS may hand out.
 * Every account keeps its own regions, so credentials bound to an account see only that account's state.
 */
import { SEED_TIME } from "@/tools/sandbox/seed/cache-builders";
import { ACCOUNT_ID, type AccountState, type RegionState, type RoleState, type SandboxState } from "./state";

/** The role AWS Organizations creates in every member account it creates (admin, trusts the management). */
export const MEMBER_ROLE = "OrganizationAccountAccessRole";

export function makeAccount(
  id: string,
  name: string,
  regions: RegionState[],
  roles: RoleState[] = [],
  status: AccountState["status"] = "ACTIVE",
): AccountState {
  return {
    id,
    name,
    email: `aws+${name}@example.com`,
    status,
    joinedAt: SEED_TIME,
    regions: Object.fromEntries(regions.map((r) => [r.region, r])),
    roles,
  };
}

export function role(name: string, trustedAccounts: string[], extra: Partial<RoleState> = {}): RoleState {
  return { name, trustedAccounts, access: "admin", maxSessionSeconds: 3600, ...extra };
}

/** One account on its own, outside any organization: what every seed other than "default" is. */
export function standaloneState(regions: RegionState[], accountId = ACCOUNT_ID): SandboxState {
  return {
    accounts: { [accountId]: makeAccount(accountId, "sandbox", regions) },
    defaultAccountId: accountId,
  };
}

export function defaultAccount(state: SandboxState): AccountState {
  const account = state.accounts[state.defaultAccountId];
  if (!account) throw new Error(`The sandbox state has no default account ${state.defaultAccountId}.`);
  return account;
}

/** Every region of every account, e.g. for settling clocks or counting resources. */
export function allRegions(state: SandboxState): RegionState[] {
  return Object.values(state.accounts).flatMap((a) => Object.values(a.regions));
}
