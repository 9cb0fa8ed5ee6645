/**
 * Test support for the app's estate: the environment the server reads (the sandbox endpoint, dummy keys,
 * QUEUEREADY_ACCOUNTS_FILE) set per test, the cached estate forgotten each time, and a database for
 * previews and runs. Starts from the demo's organization-mode accounts file before each test.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { ApplyOptions } from "../../lib/services/apply/types";
import type { Database } from "@/lib/adapters/db";
import { clearEstate } from "@/lib/services/estate";
import { writeDemoAccountsFile } from "@/tools/demo/demo-accounts";
import type { Harness } from "./int-harness";
import { memoryDatabase } from "./test-db";

export interface EstateHarness {
  /** Apply options without settings: each test takes them from the account it acts in. */
  readonly options: Omit<ApplyOptions, "settings">;
  /** Writes `config` as the accounts file and points the environment at it. */
  useAccounts(config: unknown): void;
}

export function estatePerFile(h: Harness): EstateHarness {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qr-estate-"));
  const saved = { ...process.env };
  let database: Database | undefined;
  let options: Omit<ApplyOptions, "settings"> | undefined;
  const useFile = (file: string) => {
    Object.assign(process.env, {
      QUEUEREADY_AWS_ENDPOINT: h.sandbox.url,
      QUEUEREADY_REGIONS: "us-east-1,eu-west-1",
      QUEUEREADY_ACCOUNTS_FILE: file,
      AWS_ACCESS_KEY_ID: "AKIDSANDBOX",
      AWS_SECRET_ACCESS_KEY: "sandbox-secret",
    });
    clearEstate();
  };
  beforeAll(async () => {
    database = await memoryDatabase();
    options = { db: database.db, pollInitialMs: 50, pollMaxMs: 200, timeLimitMs: 15_000 };
  }, 120_000);
  beforeEach(() => {
    h.sandbox.control.reset("default");
    useFile(writeDemoAccountsFile(dir));
  });
  afterAll(async () => {
    process.env = saved;
    clearEstate();
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    get options() {
      if (!options) throw new Error("The estate harness is not started yet (use it inside tests).");
      return options;
    },
    useAccounts(config) {
      const file = path.join(dir, "accounts-test.json");
      fs.writeFileSync(file, JSON.stringify(config));
      useFile(file);
    },
  };
}
