/**
 * An estate for the benchmark: an organization of N accounts, each holding the same fleet shape (its own
 * seed), every member reachable through OrganizationAccountAccessRole from the management account.
 */
import { makeAccount, MEMBER_ROLE, role, standaloneState } from "@/tools/sandbox/model/accounts";
import { ACCOUNT_ID, type SandboxState } from "@/tools/sandbox/model/state";
import { fleetRegions, fleetSeed, type FleetSpec } from "./fleet";

const MAX_ACCOUNTS = 50;

/** Member account ids 200000000001, 200000000002, ... */
export function estateMemberId(index: number): string {
  return String(200_000_000_000 + index);
}

export function estateSeed(spec: FleetSpec): SandboxState {
  const count = spec.accounts ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > MAX_ACCOUNTS)
    throw new Error(`An estate has 1..${MAX_ACCOUNTS} accounts.`);
  if (count === 1) return fleetSeed(spec);
  const management = standaloneState(fleetRegions(spec)).accounts[ACCOUNT_ID]!;
  const members = Array.from({ length: count - 1 }, (_, i) => {
    const id = estateMemberId(i + 1);
    const regions = fleetRegions({ ...spec, seed: (spec.seed ?? 1) + i + 1 }, id);
    return makeAccount(id, `member-${i + 1}`, regions, [role(MEMBER_ROLE, [ACCOUNT_ID])]);
  });
  return {
    accounts: Object.fromEntries([{ ...management, name: "management" }, ...members].map((a) => [a.id, a])),
    defaultAccountId: ACCOUNT_ID,
    organization: { id: "o-estate00001", managementAccountId: ACCOUNT_ID },
  };
}
