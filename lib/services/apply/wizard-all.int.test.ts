import { afterAll, expect, it } from "vitest";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { readTarget } from "./plan-live";
import { collect } from "@/lib/services/collect/collect";
import { expectLiveMatchesPlan, wizardChoices } from "@/tools/testing/apply-helpers";
import { previewPlan } from "./preview";
import { startApply } from "./start-apply";
import { computePlan, targetOptions, type TargetChoice } from "@/lib/core/plan";
import { memoryDatabase } from "@/tools/testing/test-db";
import type { Database } from "@/lib/adapters/db";

const h = sandboxPerFile({ applyDelayMs: 100 });
let database: Database | undefined;
afterAll(() => database?.close());

it(
  "every seeded cluster the wizard can fix reaches Ready through its recommendations alone",
  { timeout: 120_000 },
  async () => {
    const opts = {
      settings: h.settings,
      db: (database = await memoryDatabase()).db,
      pollInitialMs: 50,
      pollMaxMs: 200,
      timeLimitMs: 15_000,
    };
    const verdicts: Record<string, string> = {};
    for (const region of ["us-east-1", "eu-west-1"]) {
      const { ctx, access } = h.context(region);
      const options = targetOptions(await collect(access));
      const fixable = options.clusters.filter(
        (c) => c.selectable && c.readiness === "needs-changes" && !c.busy,
      );
      for (const option of fixable) {
        const target: TargetChoice = { region, kind: option.kind as TargetChoice["kind"], id: option.id };
        const preview = await previewPlan({ ...opts, choices: await wizardChoices(access, target) });
        if (!preview.ok) throw new Error(`${option.id}: ${JSON.stringify(preview.fieldErrors)}`);
        // The preview says how BullMQ connects, from its own read: a MemoryDB cluster always in cluster mode.
        expect(preview.connection?.port, option.id).toBe(preview.plan.target.port);
        if (option.kind === "memorydb-cluster") expect(preview.connection).toMatchObject({ mode: "cluster" });
        const run = await (
          await startApply({
            ownerGuard: "off",
            ...opts,
            user: { name: "operator", role: "operator" },
            previewId: preview.previewId,
          })
        ).finished;
        expect(run.status, `${option.id}: ${run.message}`).toBe("succeeded");
        await expectLiveMatchesPlan(ctx, preview.plan);
        verdicts[option.id] = run.readiness?.verdict ?? "none";
        const again = computePlan(await readTarget(access, target), await wizardChoices(access, target));
        expect(again.converged, `${option.id} re-plan: ${again.summaryLine}`).toBe(true);
      }
    }
    expect(verdicts).toEqual({
      "cache-redis62": "ready",
      "events-cluster": "ready",
      "legacy-redis5": "ready",
      "orders-redis7": "ready",
      // The MemoryDB cluster on volatile-lru, offered by step 1 like the rest.
      "prod-memdb-lru": "ready",
      "sessions-redis62": "ready",
      "standalone-redis": "ready",
      "eu-orders": "ready",
    });
  },
);
