import { describe, expect, it } from "vitest";
import { formatTable, kb, mb, median, ms, ratio } from "./table";

describe("median", () => {
  it.each([
    [[5], 5],
    [[9, 1, 5], 5],
    [[4, 1, 3, 2], 2.5],
    [[700, 640, 655, 990, 651], 655],
  ])("of %j is %d", (samples, expected) => {
    expect(median(samples)).toBe(expected);
  });

  it("is NaN for no samples, and leaves its input unsorted", () => {
    expect(median([])).toBeNaN();
    const input = [3, 1, 2];
    median(input);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe("formatTable", () => {
  it("aligns text left and figures right", () => {
    const out = formatTable(
      ["clusters", "audit", "note"],
      [
        ["10", "85 ms", "ok"],
        ["3000", "1.2 s", "slowest region"],
      ],
    );
    expect(out.split("\n")).toEqual([
      "clusters  audit  note",
      "--------  -----  --------------",
      "      10  85 ms  ok",
      "    3000  1.2 s  slowest region",
    ]);
  });
});

describe("units", () => {
  it("prints durations, ratios and sizes the way the table shows them", () => {
    expect([ms(84.6), ms(12_345), ms(NaN)]).toEqual(["85 ms", "12.3 s", "-"]);
    expect([ratio(1.234), ratio(Infinity)]).toEqual(["1.23x", "-"]);
    expect([kb(153_600), mb(250 * 1024 * 1024)]).toEqual(["150.0 KB", "250 MB"]);
  });
});
