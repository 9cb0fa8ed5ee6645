import { describe, expect, it } from "vitest";
import { exportFileName } from "./export-filename";
import { parseStatusQuery } from "./status-query";

const now = new Date("2026-12-05T20:45:06Z");
const name = (params: Record<string, string | string[]>) =>
  exportFileName(parseStatusQuery(params), now, "csv");

describe("the export's file name says which rows it holds", () => {
  it("every row: -all-", () => {
    expect(name({})).toBe("queueready-audit-all-2026-12-05-204506.csv");
  });

  it("a filtered export names its filters, not -all-", () => {
    expect(name({ verdict: "needs-changes" })).toBe("queueready-audit-needs-changes-2026-12-05-204506.csv");
    expect(name({ account: "123456789012", region: "us-east-1", engine: "valkey" })).toBe(
      "queueready-audit-123456789012-us-east-1-valkey-2026-12-05-204506.csv",
    );
    expect(name({ q: "Orders/Redis 7!" })).toBe(
      "queueready-audit-search-orders-redis-7-2026-12-05-204506.csv",
    );
  });

  it("keeps the name short and safe whatever is searched", () => {
    const long = name({ q: `${"a".repeat(300)}"; rm -rf /` });
    expect(long).toMatch(/^queueready-audit-search-a{40}-2026-12-05-204506\.csv$/);
    expect(name({ q: '"/\\' })).toBe("queueready-audit-all-2026-12-05-204506.csv");
  });
});
