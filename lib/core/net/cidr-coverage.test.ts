import { describe, expect, it } from "vitest";
import { cidrRange } from "./cidr";
import { mergeIntervals, opensWholeInternet, publicCoverage } from "./cidr-coverage";

describe("cidrRange", () => {
  it.each([
    ["10.0.5.7/16", 4, 0x0a000000n, 0x0a00ffffn],
    ["0.0.0.0/0", 4, 0n, 0xffffffffn],
    ["::/1", 6, 0n, (1n << 127n) - 1n],
    ["::ffff:0.0.0.0/96", 6, 0xffff00000000n, 0xffffffffffffn],
  ] as const)("%s", (cidr, version, first, last) => {
    expect(cidrRange(cidr)).toEqual({ version, first, last });
  });
  it("is undefined for a bad CIDR", () => expect(cidrRange("10.0.0.0/33")).toBeUndefined());
});

describe("mergeIntervals", () => {
  it("joins overlapping and adjacent intervals, keeps gaps", () => {
    expect(
      mergeIntervals([
        [10n, 20n],
        [0n, 4n],
        [5n, 7n],
        [15n, 30n],
        [40n, 41n],
      ]),
    ).toEqual([
      [0n, 7n],
      [10n, 30n],
      [40n, 41n],
    ]);
  });
});

describe("publicCoverage", () => {
  it.each([
    { cidrs: ["0.0.0.0/0"], ipv4: 1, ipv6: 0, whole: true },
    { cidrs: ["::/0"], ipv4: 1, ipv6: 1, whole: true },
    { cidrs: ["0.0.0.0/1", "128.0.0.0/1"], ipv4: 1, ipv6: 0, whole: true },
    { cidrs: ["0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/1"], ipv4: 1, ipv6: 0, whole: true },
    { cidrs: ["::/1"], ipv4: 1, ipv6: 1, whole: true },
    { cidrs: ["::ffff:0.0.0.0/96"], ipv4: 1, ipv6: 0, whole: true },
    { cidrs: ["2000::/3"], ipv4: 0, ipv6: 1, whole: true },
    { cidrs: ["2000::/4", "3000::/4"], ipv4: 0, ipv6: 1, whole: true },
    // Only the private and reserved blocks left out: still every public address.
    { cidrs: ["1.0.0.0/8", "2.0.0.0/7", "4.0.0.0/6", "8.0.0.0/7", "11.0.0.0/8", "12.0.0.0/6"], whole: false },
    { cidrs: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], ipv4: 0, ipv6: 0, whole: false },
    { cidrs: ["0.0.0.0/1"], whole: false },
    { cidrs: ["2001:db8::/32"], ipv4: 0, whole: false },
    { cidrs: ["0.0.0.0/1", "0.0.0.0/1", "not-a-cidr"], whole: false },
  ])("$cidrs", ({ cidrs, ipv4, ipv6, whole }) => {
    const c = publicCoverage(cidrs);
    if (ipv4 !== undefined) expect(c.ipv4).toBe(ipv4);
    if (ipv6 !== undefined) expect(c.ipv6).toBe(ipv6);
    expect(opensWholeInternet(cidrs)).toBe(whole);
  });

  it("counts half the public IPv4 space for 0.0.0.0/1, overlaps once", () => {
    expect(publicCoverage(["0.0.0.0/1"]).ipv4).toBeCloseTo(0.565, 3);
    expect(publicCoverage(["0.0.0.0/1", "64.0.0.0/2"]).ipv4).toBe(publicCoverage(["0.0.0.0/1"]).ipv4);
    expect(publicCoverage(["44.0.0.0/8"]).ipv4).toBeCloseTo(16_777_216 / 3_702_258_688, 5);
  });
});
