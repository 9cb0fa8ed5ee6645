/**
 * Optional persistence: the whole state as one JSON file, written after each write (atomically,
 * via a rename) and read on start, so a demo survives a restart.
 */
import fs from "node:fs";
import path from "node:path";
import type { SandboxState } from "./model/state";

export function loadState(file: string): SandboxState | undefined {
  if (!fs.existsSync(file)) return undefined;
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as { version?: number; state?: SandboxState };
  if (parsed.version !== 1 || !parsed.state || typeof parsed.state.regions !== "object") {
    throw new Error(`${file} is not a sandbox state file (expected {"version":1,"state":{...}}).`);
  }
  return parsed.state;
}

export function saveState(file: string, state: SandboxState): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ version: 1, state }));
  fs.renameSync(tmp, file);
}
