/** Server-side JSON storage: apply runs, previews, history and locks live here (see json-store.ts). */
import { createJsonStore, storeDirFromEnv, type JsonStore } from "@/lib/store/json-store";

export { createJsonStore, storeDirFromEnv, type JsonStore } from "@/lib/store/json-store";
export {
  acquireLock,
  isStale,
  readLock,
  releaseLock,
  renewLock,
  type LockHolder,
  type LockResult,
} from "@/lib/store/locks";

let shared: JsonStore | undefined;

/** The process's store, under `QUEUEREADY_DATA_DIR` (read once, on first use, never at module load). */
export function defaultStore(): JsonStore {
  shared ??= createJsonStore(storeDirFromEnv());
  return shared;
}
