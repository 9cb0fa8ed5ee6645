/**
 * Next calls register() once when a server process starts: the scheduled audits begin here (Node
 * runtime only; the import is dynamic so the edge bundle never sees the database or the AWS SDK).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { setLegacyAccountSource } = await import("./lib/adapters/db");
  const { ownAccountId } = await import("./lib/services/estate/scope-access");
  setLegacyAccountSource(() => ownAccountId());
  const { startBackgroundWork } = await import("./lib/services/schedule/start");
  await startBackgroundWork();
}
