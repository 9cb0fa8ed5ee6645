/** Builds a fresh state from a seed choice: the SEED.md account, an empty account, or a fleet. */
import { emptyRegion, type SandboxState } from "../model/state";
import { addDefaultParameterGroups } from "./cache-builders";
import { defaultSeed } from "./default-seed";
import { fleetSeed, type FleetSpec } from "./fleet";

export type SeedChoice = "default" | "empty" | FleetSpec;

export function buildState(seed: SeedChoice = "default"): SandboxState {
  if (seed === "default") return defaultSeed();
  if (seed === "empty") {
    // An empty account still has the default parameter groups: AWS provides them in every region.
    const state: SandboxState = { regions: {} };
    for (const name of ["us-east-1", "eu-west-1"]) {
      const region = emptyRegion(name);
      addDefaultParameterGroups(region);
      state.regions[name] = region;
    }
    return state;
  }
  const state = fleetSeed(seed);
  // The base regions are always served, so a fleet confined elsewhere still answers there (empty).
  for (const name of ["us-east-1", "eu-west-1"]) {
    if (state.regions[name]) continue;
    const region = emptyRegion(name);
    addDefaultParameterGroups(region);
    state.regions[name] = region;
  }
  return state;
}
