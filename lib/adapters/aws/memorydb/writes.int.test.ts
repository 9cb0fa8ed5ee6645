import { describe, expect, it } from "vitest";
import { withWriteLog } from "@/lib/adapters/aws/write-log";
import { listMemoryDbParameters } from "./reads";
import { updateMemoryDbParameterGroup } from "./writes";
import { sandboxPerFile } from "@/tools/testing/int-harness";

const h = sandboxPerFile();

// 25 parameters whose range takes 7 and whose default is not 7: MemoryDB takes at most 20 per call.
const NAMES = [
  "acllog-max-len",
  "active-defrag-cycle-max",
  "active-defrag-cycle-min",
  "active-expire-effort",
  "client-output-buffer-limit-normal-hard-limit",
  "client-output-buffer-limit-normal-soft-limit",
  "client-output-buffer-limit-normal-soft-seconds",
  "client-output-buffer-limit-pubsub-hard-limit",
  "client-output-buffer-limit-pubsub-soft-limit",
  "client-output-buffer-limit-pubsub-soft-seconds",
  "hash-max-ziplist-entries",
  "hash-max-ziplist-value",
  "hll-sparse-max-bytes",
  "lfu-decay-time",
  "lfu-log-factor",
  "list-compress-depth",
  "maxmemory-samples",
  "set-max-intset-entries",
  "slowlog-log-slower-than",
  "slowlog-max-len",
  "stream-node-max-bytes",
  "stream-node-max-entries",
  "tcp-keepalive",
  "zset-max-ziplist-entries",
  "zset-max-ziplist-value",
];

describe("MemoryDB writes against the sandbox", () => {
  it("sets 25 values on prod-memdb-lru in two UpdateParameterGroup calls (20, then 5)", async () => {
    const { ctx, writes } = withWriteLog(h.context("us-east-1").ctx);
    const before = await listMemoryDbParameters(ctx, "prod-memdb-lru");
    expect(before.filter((p) => NAMES.includes(p.name) && p.value === "7")).toEqual([]);
    await updateMemoryDbParameterGroup(
      ctx,
      "prod-memdb-lru",
      NAMES.map((name) => ({ name, value: "7" })),
    );
    expect(writes.map((w) => w.operation)).toEqual(["UpdateParameterGroup", "UpdateParameterGroup"]);
    const after = await listMemoryDbParameters(ctx, "prod-memdb-lru");
    expect(after.filter((p) => NAMES.includes(p.name) && p.value === "7").map((p) => p.name)).toEqual(
      [...NAMES].sort(),
    );
  });
});
