/**
 * Optional persistence: the whole state as one JSON file, written after each write (atomically,
 * via a rename) and read on start, so a demo survives a restart. The file names the seed its state was built
 * from, so a start asking for another seed does not take up a state that is not its own. A version 1 file
 * (one account, before organizations) is that account's state: it becomes the management account of a
 * freshly seeded organization.
 */
import fs from "node:fs";
import path from "node:path";
import { ACCOUNT_ID, type RegionState, type SandboxState } from "./model/state";
import type { SeedChoice } from "./seed/build";
import { organizationSeed } from "./seed/organization-seed";

const VERSION = 2;

export interface SavedState {
  state: SandboxState;
  /** The seed the state was built from; absent in files written before it was recorded. */
  seed?: SeedChoice;
}

export function loadState(file: string): SavedState | undefined {
  if (!fs.existsSync(file)) return undefined;
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as {
    version?: number;
    seed?: SeedChoice;
    state?: { regions?: Record<string, RegionState> } & Partial<SandboxState>;
  };
  const state = parsed.state;
  if (parsed.version === 1 && state && typeof state.regions === "object") {
    const upgraded = organizationSeed();
    const regions = Object.values(state.regions).map((r) => ({ ...r, accountId: ACCOUNT_ID }));
    upgraded.accounts[ACCOUNT_ID]!.regions = Object.fromEntries(regions.map((r) => [r.region, r]));
    return { state: upgraded };
  }
  if (parsed.version !== VERSION || !state || typeof state.accounts !== "object" || !state.defaultAccountId) {
    throw new Error(`${file} is not a sandbox state file (expected {"version":${VERSION},"state":{...}}).`);
  }
  return { state: state as SandboxState, seed: parsed.seed };
}

/** Whether two seed choices build the same state (fleet specs compare by value). */
export function sameSeed(a: SeedChoice, b: SeedChoice): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function saveState(file: string, state: SandboxState, seed: SeedChoice): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ version: VERSION, seed, state }));
  fs.renameSync(tmp, file);
}
