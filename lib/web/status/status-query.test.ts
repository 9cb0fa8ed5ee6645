import { describe, expect, it } from "vitest";
import * as statusQueries from "./status-query";
import { pageWindow, parseStatusQuery, statusSearch } from "./status-query";

// Looked up, not imported by name, so this file runs (and fails) against a parser without it.
const { statusQueryProblem } = statusQueries as Partial<{
  statusQueryProblem: (p: statusQueries.SearchParams) => string | undefined;
}>;

describe("the status view in the URL", () => {
  it("reads every filter and the page, dropping what is not valid", () => {
    expect(
      parseStatusQuery({
        account: "210987654321",
        region: "eu-west-1",
        verdict: ["ready", "bogus", "ready"],
        kind: "serverless",
        engine: "valkey",
        q: "  Orders ",
        sort: "name",
        page: "3",
      }),
    ).toEqual({
      accountId: "210987654321",
      region: "eu-west-1",
      verdicts: ["ready"],
      kind: "serverless",
      engine: "valkey",
      q: "orders",
      sort: "name",
      page: 3,
    });
    expect(
      parseStatusQuery({ account: "12", region: "../etc", kind: "x", page: "-1", sort: "drop table" }),
    ).toEqual({ verdicts: [], q: "", sort: "verdict", page: 1 });
    expect(parseStatusQuery({ page: "1.5" }).page).toBe(1);
  });

  it("names a search holding a NUL (the database refuses it), and never passes one on", () => {
    expect(statusQueryProblem?.({ q: "orders\u0000" })).toMatch(/^The search .*NUL/);
    expect(statusQueryProblem?.({ q: ["ok", "\u0000"] })).toMatch(/NUL/);
    expect(statusQueryProblem?.({ q: "orders", region: "us-east-1" })).toBeUndefined();
    expect(parseStatusQuery({ q: "ord\u0000ers" }).q).toBe("orders");
  });

  it("writes the view back; a changed filter returns to page 1, a page change keeps the filters", () => {
    const query = parseStatusQuery({ account: "210987654321", verdict: "ready", page: "2" });
    expect(statusSearch(query)).toBe("?account=210987654321&verdict=ready&page=2");
    expect(statusSearch(query, { page: 3 })).toBe("?account=210987654321&verdict=ready&page=3");
    expect(statusSearch(query, { verdicts: [] })).toBe("?account=210987654321");
    expect(statusSearch(parseStatusQuery({}))).toBe("");
  });

  it("numbers the rows of a page and clamps a page past the end", () => {
    expect(pageWindow(121, 1)).toEqual({ pages: 3, current: 1, from: 1, to: 50 });
    expect(pageWindow(121, 3)).toEqual({ pages: 3, current: 3, from: 101, to: 121 });
    expect(pageWindow(121, 9)).toEqual({ pages: 3, current: 3, from: 101, to: 121 });
    expect(pageWindow(0, 1)).toEqual({ pages: 1, current: 1, from: 0, to: 0 });
  });
});
