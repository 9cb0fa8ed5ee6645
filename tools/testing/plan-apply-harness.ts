/**
 * What the plan → apply CLI tests share: a sandbox for the file, a fresh in-memory database, sandbox state
 * and data directory for each test, and `plan` / `apply` running the CLI's entry functions in process
 * against them (fast polling, so an apply converges in the sandbox's own time).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Database } from "@/lib/adapters/db";
import { runApplyCli, type ApplyTuning } from "@/lib/cli/run-apply";
import { runPlanCli } from "@/lib/cli/run-plan";
import { captureIo, sandboxCliEnv } from "./cli-helpers";
import { sandboxPerFile } from "./int-harness";
import { memoryDatabase } from "./test-db";

export interface PlanApplyHarnessOptions {
  /** The temporary directory's name prefix, e.g. `qr-cli-plan-`. */
  tmpPrefix: string;
  /** Environment the CLI gets besides the sandbox's (e.g. `QUEUEREADY_REQUIRE_APPROVAL`). */
  extraEnv?: Record<string, string>;
  /** `plan` gets the test's database too (`--submit` stores the plan there). */
  planUsesDb?: boolean;
}

export function planApplyHarness(options: PlanApplyHarnessOptions) {
  const h = sandboxPerFile({ applyDelayMs: 50 });
  let dir = "";
  let database: Database | undefined;
  let n = 0;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), options.tmpPrefix));
  });
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    h.sandbox.control.reset();
    await database?.close();
    database = await memoryDatabase();
    n++;
  });

  const harness = {
    h,
    /** The file's temporary directory (the CLI's HOME). */
    get dir() {
      return dir;
    },
    /** Counts the tests of the file: 1 in the first. */
    get testNumber() {
      return n;
    },
    /** This test's data directory. */
    get dataDir() {
      return path.join(dir, `data-${n}`);
    },
    /** This test's database. */
    get db() {
      return database!.db;
    },
    env(): NodeJS.ProcessEnv {
      return sandboxCliEnv({
        endpoint: h.sandbox.url,
        home: dir,
        extra: { QUEUEREADY_DATA_DIR: harness.dataDir, ...options.extraEnv },
      });
    },
    tuning(): ApplyTuning {
      return {
        settings: h.settings,
        db: database!.db,
        pollInitialMs: 50,
        pollMaxMs: 200,
        timeLimitMs: 15_000,
        watchEveryMs: 50,
      };
    },
    async plan(args: string[]) {
      const { out, io } = captureIo();
      const deps = { settings: h.settings, ...(options.planUsesDb ? { db: database!.db } : {}) };
      return { code: await runPlanCli(args, harness.env(), io, deps), ...out };
    },
    async apply(args: string[]) {
      const { out, io } = captureIo();
      return { code: await runApplyCli(args, harness.env(), io, harness.tuning()), ...out };
    },
  };
  return harness;
}
