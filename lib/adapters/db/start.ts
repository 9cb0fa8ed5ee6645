/**
 * What happens when a process opens its database: migrations (in openDatabase), the embedded database's
 * cleanup of what its previous process left running, and the one-time import of the old JSON files.
 */
import { plural } from "@/lib/core/text/plural";
import type { DatabaseConfig } from "./config";
import { importJsonStore, type LegacyAccountSource } from "./json-import";
import { releaseAllLeases } from "./leases";
import { openDatabase, type Database } from "./open";
import { interruptStaleRuns } from "./run-updates";

export async function startDatabase(
  config: Exclude<DatabaseConfig, { kind: "memory" }>,
  log: (line: string) => void = console.log,
  legacyAccount?: LegacyAccountSource,
): Promise<Database> {
  const database = await openDatabase(config);
  try {
    const imported = await importJsonStore(database.db, config.dataDir, legacyAccount);
    if (imported?.deferred)
      log(
        `${plural(imported.deferred, "old apply run")} in ${config.dataDir}/runs name no account: they are imported ` +
          "when QueueReady starts with credentials it can ask for their account.",
      );
    if (imported && (imported.imported > 0 || imported.skipped.length > 0)) {
      const skipped = imported.skipped.length > 0 ? ` (skipped ${imported.skipped.join(", ")})` : "";
      log(`Imported ${plural(imported.imported, "apply run")} from ${config.dataDir}/runs${skipped}.`);
    }
    if (imported && imported.verifications > 0)
      log(`Imported the last engine verification of ${plural(imported.verifications, "cluster")}.`);
    if (config.kind === "embedded") {
      // One process owns the embedded database, so whatever was running or held before it started is dead.
      await interruptStaleRuns(database.db, new Date());
      await releaseAllLeases(database.db);
    }
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}
