/**
 * Optional persistence: the whole state as one JSON file, written after each write (atomically,
 * via a rename) and read on start, so a demo survives a restart. A version 1 file (one account, before
 * organizations) is that account's state: it becomes the management account of a freshly seeded organization.
 */
import fs from "node:fs";
import path from "node:path";
import { ACCOUNT_ID, type RegionState, type SandboxState } from "./model/state";
import { organizationSeed } from "./seed/organization-seed";

const VERSION = 2;

export function loadState(file: string): SandboxState | undefined {
  if (!fs.existsSync(file)) return undefined;
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as {
    version?: number;
    state?: { regions?: Record<string, RegionState> } & Partial<SandboxState>;
  };
  const state = parsed.state;
  if (parsed.version === 1 && state && typeof state.regions === "object") {
    const upgraded = organizationSeed();
    const regions = Object.values(state.regions).map((r) => ({ ...r, accountId: ACCOUNT_ID }));
    upgraded.accounts[ACCOUNT_ID]!.regions = Object.fromEntries(regions.map((r) => [r.region, r]));
    return upgraded;
  }
  if (parsed.version !== VERSION || !state || typeof state.accounts !== "object" || !state.defaultAccountId) {
    throw new Error(`${file} is not a sandbox state file (expected {"version":${VERSION},"state":{...}}).`);
  }
  return state as SandboxState;
}

export function saveState(file: string, state: SandboxState): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ version: VERSION, state }));
  fs.renameSync(tmp, file);
}
