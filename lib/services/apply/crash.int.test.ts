/**
 * A replica killed mid-apply (issue: a crash used to lock the cluster for two minutes and show "running"):
 * its run reads as interrupted within one lease period, and the cluster can be applied to again then.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { expect, it } from "vitest";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { wizardChoices } from "@/tools/testing/apply-helpers";
import { previewPlan } from "./preview";
import { getApplyRun } from "@/lib/adapters/db/lookups";
import { startApply } from "./start-apply";
import { openDatabase } from "@/lib/adapters/db/open";
import { databasesPerFile } from "@/tools/testing/test-db";

const h = sandboxPerFile({ applyDelayMs: 4_000 });
const dbs = databasesPerFile();
const operator = { name: "operator", role: "operator" };
const leaseMs = 1_500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("a replica killed mid-apply leaves a run that reads as interrupted within one lease period, and frees the cluster", async () => {
  const url = await (await dbs.server()).createDatabase();
  const { db, close } = await openDatabase({ kind: "postgres", url, dataDir: "" });
  try {
    const target = { region: "us-east-1", kind: "replication-group", id: "orders-redis7" } as const;
    const choices = await wizardChoices(h.context().access, target);
    const preview = await previewPlan({ settings: h.settings, db, choices, user: operator });
    if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
    const input = {
      settings: h.settings,
      databaseUrl: url,
      previewId: preview.previewId,
      staleAfterMs: leaseMs,
    };
    const child = spawn(process.execPath, ["--import", "tsx", "tools/testing/apply-child.ts"], {
      env: { ...process.env, QR_APPLY_CHILD: JSON.stringify(input) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise((r) => child.once("exit", r));
    const first = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
    const { runId } = JSON.parse(String(first.value)) as { runId: string };

    // Wait until the other replica is waiting for the cluster, then kill it without warning.
    for (let i = 0; (await getApplyRun(runId, { db, staleAfterMs: leaseMs }))?.phase !== "converging"; i++) {
      if (i > 200) throw new Error("the child apply never reached the convergence wait");
      await sleep(50);
    }
    expect((await getApplyRun(runId, { db, staleAfterMs: leaseMs }))!.status).toBe("running");
    const refused = await startApply({
      ownerGuard: "off",
      settings: h.settings,
      db,
      user: operator,
      previewId: preview.previewId,
      staleAfterMs: leaseMs,
    }).catch((e: Error) => e);
    expect((refused as Error).message).toContain("is already running (started by replica-a");
    child.kill("SIGKILL");
    const killedAt = Date.now();
    await exited;

    let interruptedAfter = -1;
    while (Date.now() - killedAt < 4 * leaseMs) {
      const run = await getApplyRun(runId, { db, staleAfterMs: leaseMs });
      if (run?.status === "interrupted") {
        interruptedAfter = Date.now() - killedAt;
        expect(run.message).toContain("The server stopped while this apply was running");
        expect(run.steps.filter((s) => s.status === "done").length).toBeGreaterThan(0);
        break;
      }
      await sleep(50);
    }
    expect(interruptedAfter).toBeGreaterThanOrEqual(0);
    // The last beat came at most a third of a lease before the kill; the slack is this loop and a loaded machine.
    expect(interruptedAfter).toBeLessThanOrEqual(leaseMs + 1_000);

    // The cluster is free again: a new preview and apply from this replica converge.
    const again = await previewPlan({
      settings: h.settings,
      db,
      choices: await wizardChoices(h.context().access, target),
      user: operator,
    });
    if (!again.ok) throw new Error(JSON.stringify(again.fieldErrors));
    const second = await startApply({
      ownerGuard: "off",
      settings: h.settings,
      db,
      user: operator,
      previewId: again.previewId,
      staleAfterMs: leaseMs,
      pollInitialMs: 100,
      pollMaxMs: 300,
    });
    expect((await second.finished).status).toBe("succeeded");
    console.log(`interrupted ${interruptedAfter} ms after the kill (lease ${leaseMs} ms)`);
  } finally {
    await close();
  }
}, 90_000);
