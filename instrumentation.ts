/**
 * Next calls register() once when a server process starts: the scheduled audits begin here (Node
 * runtime only; the import is dynamic so the edge bundle never sees the database or the AWS SDK).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { setLegacyAccountSource, defaultDatabase } = await import("./lib/adapters/db");
  const { ownAccountId } = await import("./lib/services/estate/scope-access");
  setLegacyAccountSource(() => ownAccountId());
  // For `npm run apply` elsewhere: the two-person rule this app enforces (lib/services/approvals/policy.ts).
  // Not awaited: a database that is slow to answer must not hold the server's start.
  const { recordPolicyAtStart } = await import("./lib/services/approvals/policy");
  void defaultDatabase()
    .then(({ db }) => recordPolicyAtStart(db))
    .catch((err: unknown) =>
      console.error(`The approval policy was not recorded for npm run apply: ${(err as Error).message}`),
    );
  const { startBackgroundWork } = await import("./lib/services/schedule/start");
  await startBackgroundWork();
}
