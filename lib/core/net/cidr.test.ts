import { describe, expect, it } from "vitest";
import { cidrContains, isAnywhere, parseCidr } from "./cidr";

describe("parseCidr", () => {
  it.each([
    ["10.0.5.7/16", "10.0.0.0/16"],
    ["10.0.5.7/32", "10.0.5.7/32"],
    ["192.168.1.130/25", "192.168.1.128/25"],
    [" 0.0.0.0/0 ", "0.0.0.0/0"],
    ["2001:DB8::1/32", "2001:db8::/32"],
    ["2001:db8:0:0:1:0:0:1/128", "2001:db8::1:0:0:1/128"],
    ["::/0", "::/0"],
    ["::ffff:10.0.0.1/120", "::ffff:a00:0/120"],
  ])("canonicalises %s to %s as AWS does", (input, canonical) => {
    const parsed = parseCidr(input);
    expect(parsed).toMatchObject({ ok: true, canonical });
  });

  it.each([
    "10.0.0.0",
    "10.0.0.0/33",
    "10.0.0.256/8",
    "10.0.0/8",
    "abc/8",
    "1::2::3/64",
    "::/129",
    "10.0.0.0/x",
  ])("rejects %s with a reason", (input) => {
    const parsed = parseCidr(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(10);
  });
});

describe("isAnywhere / cidrContains", () => {
  it("spots the whole internet in v4 and v6", () => {
    expect(isAnywhere("0.0.0.0/0")).toBe(true);
    expect(isAnywhere("::/0")).toBe(true);
    expect(isAnywhere("10.0.0.0/8")).toBe(false);
  });
  it("checks containment", () => {
    expect(cidrContains("10.0.0.0/16", "10.0.5.0/24")).toBe(true);
    expect(cidrContains("10.0.0.0/16", "10.1.0.0/24")).toBe(false);
    expect(cidrContains("10.0.0.0/24", "10.0.0.0/16")).toBe(false);
    expect(cidrContains("10.0.0.0/16", "2001:db8::/32")).toBe(false);
  });
});
