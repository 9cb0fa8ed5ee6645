/** `npm run plan -- --cluster NAME` naming a MemoryDB cluster: reported as audited but not planned, never "not found". */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo, sandboxCliEnv } from "@/tools/testing/cli-helpers";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { runPlanCli } from "./run-plan";

const h = sandboxPerFile();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "qr-cli-plan-memorydb-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm run plan with a MemoryDB cluster", () => {
  it("names the MemoryDB cluster as not planned, with where its fix is, and plans nothing", async () => {
    const { out, io } = captureIo();
    const env = sandboxCliEnv({ endpoint: h.sandbox.url, home: dir, extra: { QUEUEREADY_DATA_DIR: dir } });
    const code = await runPlanCli(
      ["--region", "us-east-1", "--cluster", "prod-memdb-lru", "--json"],
      env,
      io,
      { settings: h.settings },
    );
    expect(out.stderr).not.toContain("Not found");
    const file = JSON.parse(out.stdout) as { targets: unknown[]; notPlanned: unknown[] };
    expect(file.targets).toEqual([]);
    expect(file.notPlanned).toEqual([
      expect.objectContaining({
        kind: "memorydb-cluster",
        id: "prod-memdb-lru",
        status: "not-fixable",
        reason: expect.stringContaining("MemoryDB cluster: QueueReady audits it"),
      }),
    ]);
    expect(code).toBe(0);
  });
});
