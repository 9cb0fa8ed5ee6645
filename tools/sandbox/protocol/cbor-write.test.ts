import { decode } from "cbor-x";
import { describe, expect, it } from "vitest";
import { writeCbor } from "./cbor-write";

describe("CBOR writer", () => {
  it("round-trips through cbor-x: maps, lists, strings, integers, booleans, dates as tag 1", () => {
    const value = {
      A: "é x",
      N: [0, 23, 24, 255, 256, 65_536, 2 ** 32 - 1, -1, -500],
      B: [true, false],
      D: new Date(1_700_000_000_500),
    };
    expect(decode(writeCbor(value))).toEqual(value);
  });

  it("writes members named as doubles (and their list items) as float64, and leaves undefined out", () => {
    const bytes = writeCbor(
      { Threshold: 80, Values: [1, 2.5], Period: 60, Gone: undefined },
      new Set(["Threshold", "Values"]),
    );
    expect(bytes.includes(Buffer.from([0xfb, 0x40, 0x54, 0, 0, 0, 0, 0, 0]))).toBe(true);
    expect(decode(bytes)).toEqual({ Threshold: 80, Values: [1, 2.5], Period: 60 });
    expect(bytes[bytes.length - 1]).toBe(60);
  });
});
