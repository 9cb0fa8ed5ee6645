import { describe, expect, it } from "vitest";
import { loadFigures, percentile } from "./load-stats";

describe("percentile", () => {
  it("takes the nearest rank, so p95 of 60 loads is the 57th fastest", () => {
    const samples = Array.from({ length: 60 }, (_, i) => (60 - i) * 10); // 600, 590, ..., 10
    expect(percentile(samples, 95)).toBe(570);
    expect(percentile(samples, 100)).toBe(600);
    expect(percentile(samples, 0)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe("loadFigures", () => {
  it("gives median, p95, min and max without reordering the caller's samples", () => {
    const samples = [300, 100, 200, 400];
    expect(loadFigures(samples)).toEqual({ count: 4, medianMs: 250, p95Ms: 400, minMs: 100, maxMs: 400 });
    expect(samples).toEqual([300, 100, 200, 400]);
  });
});
