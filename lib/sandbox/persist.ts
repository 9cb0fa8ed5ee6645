/**
 * Optional persistence: the whole state as one JSON file, written after each write (atomically,
 * via a rename) and read on start, so a demo survives a restart. Version 1 files (one account, before
 * organizations) load as that account alone.
 */
import fs from "node:fs";
import path from "node:path";
import { standaloneState } from "./model/accounts";
import { ACCOUNT_ID, type RegionState, type SandboxState } from "./model/state";

const VERSION = 2;

export function loadState(file: string): SandboxState | undefined {
  if (!fs.existsSync(file)) return undefined;
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as {
    version?: number;
    state?: { regions?: Record<string, RegionState> } & Partial<SandboxState>;
  };
  const state = parsed.state;
  if (parsed.version === 1 && state && typeof state.regions === "object") {
    return standaloneState(Object.values(state.regions).map((r) => ({ ...r, accountId: ACCOUNT_ID })));
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
