import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getApplyRun, getPreview } from "@/lib/apply/run-store";
import { createJsonStore, type JsonStore } from "@/lib/store";

let dir: string;
let store: JsonStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "qr-runs-"));
  store = createJsonStore(dir);
  // The folders exist once anything was stored; only then does the file system judge the name's length.
  await store.write("previews/x", {});
  await store.write("runs/x", {});
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("looking up runs and previews by an id from the URL", () => {
  it.each(["a".repeat(300), "a".repeat(65), "", "../runs/x", "ABC"])(
    "%s is not found, never an error",
    async (id) => {
      await expect(getPreview(store, id)).resolves.toBeUndefined();
      await expect(getApplyRun(id, { store })).resolves.toBeUndefined();
    },
  );
});
