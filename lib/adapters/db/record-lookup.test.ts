import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getApplyRun, getPreview } from "./lookups";
import type { Database } from "@/lib/adapters/db";
import { memoryDatabase } from "@/tools/testing/test-db";

let database: Database;
// The first embedded database of a run builds the migrated template (seconds of WASM initdb).
beforeAll(async () => {
  database = await memoryDatabase();
}, 120_000);
afterAll(() => database.close());

describe("looking up runs and previews by an id from the URL", () => {
  it.each(["a".repeat(300), "a".repeat(65), "", "../runs/x", "ABC", "x'; drop table apply_runs; --"])(
    "%s is not found, never an error",
    async (id) => {
      await expect(getPreview(id, { db: database.db })).resolves.toBeUndefined();
      await expect(getApplyRun(id, { db: database.db })).resolves.toBeUndefined();
    },
  );
});
