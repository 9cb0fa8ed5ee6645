import { describe, expect, it } from "vitest";
import { parseAuditQuery } from "./audit-query";
import { chooseRegions, viewSearch } from "./region-choice";

const configured = ["us-east-1", "eu-west-1", "ap-south-1"];

describe("chooseRegions", () => {
  it("reads the default region when nothing is asked", () => {
    expect(chooseRegions({}, configured, "us-east-1")).toEqual({
      regions: ["us-east-1"],
      all: false,
      unconfigured: [],
    });
  });

  it("reads several configured regions in the order asked, once each", () => {
    expect(
      chooseRegions({ region: ["eu-west-1", "us-east-1", "eu-west-1"] }, configured, "us-east-1").regions,
    ).toEqual(["eu-west-1", "us-east-1"]);
  });

  it("reads every configured region for regions=all", () => {
    expect(chooseRegions({ regions: "all", region: "moon-1" }, configured, "us-east-1")).toEqual({
      regions: configured,
      all: true,
      unconfigured: [],
    });
  });

  it("never reads an unconfigured region, and names it back", () => {
    expect(chooseRegions({ region: ["us-west-2", "eu-west-1"] }, configured, "us-east-1")).toEqual({
      regions: ["eu-west-1"],
      all: false,
      unconfigured: ["us-west-2"],
    });
    expect(chooseRegions({ region: "x".repeat(90) }, configured, "us-east-1")).toEqual({
      regions: ["us-east-1"],
      all: false,
      unconfigured: ["x".repeat(40)],
    });
  });
});

describe("viewSearch", () => {
  it("puts the regions first so a plain region switch reads ?region=...", () => {
    const none = parseAuditQuery({});
    expect(viewSearch({ regions: ["eu-west-1"], all: false }, none)).toBe("?region=eu-west-1");
    expect(
      viewSearch({ regions: configured, all: true }, parseAuditQuery({ verdict: "ready", q: "a b" })),
    ).toBe("?regions=all&verdict=ready&q=a+b");
    expect(viewSearch({ regions: ["us-east-1", "eu-west-1"], all: false }, none, { sort: "name" })).toBe(
      "?region=us-east-1&region=eu-west-1&sort=name",
    );
  });
});
