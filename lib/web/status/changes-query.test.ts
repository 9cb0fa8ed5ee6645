import { describe, expect, it } from "vitest";
import { changesHref, parseChangesQuery } from "./changes-query";

describe("the changes view's address", () => {
  it("defaults to the real changes, page 1", () => {
    expect(parseChangesQuery({})).toEqual({ show: "changes", page: 1 });
    expect(changesHref({ show: "changes", page: 1 })).toBe("/status/changes");
  });

  it("reads a view and a page, and writes them back", () => {
    const q = parseChangesQuery({ show: "new", page: "3" });
    expect(q).toEqual({ show: "new", page: 3 });
    expect(changesHref(q)).toBe("/status/changes?show=new&page=3");
  });

  it("falls back to the defaults for anything it does not know", () => {
    for (const params of [{ show: "drop table" }, { page: "-2" }, { page: "x" }, { show: ["all", "new"] }])
      expect(parseChangesQuery(params)).toMatchObject({ page: expect.any(Number) });
    expect(parseChangesQuery({ show: "drop table", page: "0" })).toEqual({ show: "changes", page: 1 });
    expect(parseChangesQuery({ page: "1e9" })).toEqual({ show: "changes", page: 1 });
  });
});
