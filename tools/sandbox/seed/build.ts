/** Builds a fresh state from a seed choice: the SEED.md organization, one account, an empty one, or a fleet. */
import { defaultAccount, standaloneState } from "@/tools/sandbox/model/accounts";
import { emptyRegion, type SandboxState } from "@/tools/sandbox/model/state";
import { addDefaultParameterGroups } from "./cache-builders";
import { singleAccountSeed } from "./default-seed";
import { estateSeed } from "./estate-seed";
import type { FleetSpec } from "./fleet";
import { organizationSeed } from "./organization-seed";

/** `default`: the organization of SEED.md; `single`: its management account alone (no organization). */
export type SeedChoice = "default" | "single" | "empty" | FleetSpec;

const BASE_REGIONS = ["us-east-1", "eu-west-1"];

export function buildState(seed: SeedChoice = "default"): SandboxState {
  if (seed === "default") return organizationSeed();
  if (seed === "single") return singleAccountSeed();
  // An empty account still has the default parameter groups: AWS provides them in every region.
  const state = seed === "empty" ? standaloneState([]) : estateSeed(seed);
  // The base regions are always served, so a fleet confined elsewhere still answers there (empty).
  const account = defaultAccount(state);
  for (const name of BASE_REGIONS) {
    if (account.regions[name]) continue;
    const region = emptyRegion(name, account.id);
    addDefaultParameterGroups(region);
    account.regions[name] = region;
  }
  return state;
}
