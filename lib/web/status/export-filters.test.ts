import { describe, expect, it } from "vitest";
import { parseStatusQuery, type SearchParams } from "./status-query";
import { exportFilterProblem } from "./export-filters";

const configured = { accounts: ["123456789012", "210987654321"], regions: ["us-east-1", "eu-west-1"] };
const check = (params: SearchParams) => exportFilterProblem(params, parseStatusQuery(params), configured);

describe("exportFilterProblem", () => {
  it("accepts configured filters and no filters", () => {
    expect(check({})).toBeUndefined();
    expect(check({ region: "eu-west-1", account: "210987654321", verdict: ["ready", "unknown"] })).toBe(
      undefined,
    );
    expect(check({ kind: "replication-group", sort: "verdict", region: "" })).toBeUndefined();
  });

  it("refuses a region that is malformed or not configured, naming the configured ones", () => {
    expect(check({ region: "ap-south-9" })).toBe(
      'Region "ap-south-9" is not configured; configured: us-east-1, eu-west-1.',
    );
    expect(check({ region: "../etc" })).toMatch(/^Region "\.\.\/etc" is not configured/);
  });

  it("refuses an account that is not configured, and values a filter does not have", () => {
    expect(check({ account: "999999999999" })).toMatch(/^Account "999999999999" is not configured/);
    expect(check({ account: "12" })).toMatch(/^Account "12"/);
    expect(check({ kind: "lambda" })).toBe('kind "lambda" is not one of its values.');
    expect(check({ verdict: ["ready", "fine"] })).toBe('verdict "fine" is not one of its values.');
    expect(check({ sort: "random" })).toBe('sort "random" is not one of its values.');
  });
});
