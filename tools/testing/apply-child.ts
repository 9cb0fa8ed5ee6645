/**
 * A second process that starts an apply and keeps running it until killed: the crash tests kill it with
 * SIGKILL mid-apply, as a dying replica would go. Input as JSON in QR_APPLY_CHILD; prints the run id.
 */
import { startApply } from "@/lib/services/apply/start-apply";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { openDatabase } from "@/lib/adapters/db/open";

interface ChildInput {
  settings: AwsSettings;
  databaseUrl: string;
  previewId: string;
  staleAfterMs: number;
}

async function main(): Promise<void> {
  const input = JSON.parse(process.env.QR_APPLY_CHILD ?? "{}") as ChildInput;
  const { db } = await openDatabase({ kind: "postgres", url: input.databaseUrl, dataDir: "" });
  const started = await startApply({
    ownerGuard: "off",
    settings: input.settings,
    db,
    user: { name: "replica-a", role: "operator" },
    previewId: input.previewId,
    staleAfterMs: input.staleAfterMs,
    pollInitialMs: 100,
    pollMaxMs: 200,
  });
  process.stdout.write(`${JSON.stringify({ runId: started.runId })}\n`);
  await started.finished;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
