import { describe, expect, it } from "vitest";
import { judgeCidrSource, WHOLE_INTERNET_ERROR } from "./source-exposure";

describe("judgeCidrSource: by the address space covered, not by a /0 prefix", () => {
  it("refuses every spelling of the whole internet", () => {
    for (const cidr of ["0.0.0.0/0", "::/0", "::/1", "::ffff:0.0.0.0/96", "2000::/3"])
      expect(judgeCidrSource(cidr), cidr).toEqual({ ok: false, error: WHOLE_INTERNET_ERROR });
  });

  it("warns when two halves make the whole internet together with the group's rules", () => {
    expect(judgeCidrSource("128.0.0.0/1", ["0.0.0.0/1"])).toEqual({
      ok: true,
      warning:
        "128.0.0.0/1 together with the group's rules from 0.0.0.0/1 opens the port to every public address (the whole internet).",
    });
  });

  it("says how much of the internet a public range reaches", () => {
    expect(judgeCidrSource("0.0.0.0/1")).toEqual({
      ok: true,
      warning:
        "0.0.0.0/1 reaches public internet addresses (57% of public IPv4 addresses), not only private ones: prefer the application's security group or the VPC's CIDR.",
    });
    expect(judgeCidrSource("8.0.0.0/8")).toMatchObject({
      warning: expect.stringContaining("(0.45% of public IPv4 addresses)"),
    });
  });

  it("leaves private ranges alone", () => {
    for (const cidr of ["10.0.0.0/8", "172.16.0.0/12", "192.168.1.0/24", "fd00::/8"])
      expect(judgeCidrSource(cidr), cidr).toEqual({ ok: true });
  });
});
