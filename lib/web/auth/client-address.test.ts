import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxiesFromEnv } from "./client-address";

const none = trustedProxiesFromEnv({});
const proxies = trustedProxiesFromEnv({ QUEUEREADY_TRUSTED_PROXIES: " 10.0.0.0/24, 127.0.0.1 ,fd00::/8" });

describe("clientAddress", () => {
  it.each([
    { xff: "203.0.113.7", trusted: none, address: "203.0.113.7" },
    // A client-made header: only the hop that connected to us (rightmost) counts.
    { xff: "1.2.3.4, 203.0.113.7", trusted: none, address: "203.0.113.7" },
    { xff: "1.2.3.4, 203.0.113.7, 10.0.0.5", trusted: none, address: "10.0.0.5" },
    // Behind trusted proxies: walk left past them to the first hop they vouch for.
    { xff: "1.2.3.4, 203.0.113.7, 10.0.0.5", trusted: proxies, address: "203.0.113.7" },
    { xff: "1.2.3.4, 203.0.113.7, 10.0.0.5, 127.0.0.1", trusted: proxies, address: "203.0.113.7" },
    { xff: "10.0.0.9, 10.0.0.5", trusted: proxies, address: "10.0.0.9" },
    { xff: "1.2.3.4, 10.0.1.5", trusted: proxies, address: "10.0.1.5" },
    { xff: "2001:DB8::1, fd00::1", trusted: proxies, address: "2001:db8::1" },
    { xff: "::ffff:127.0.0.1", trusted: none, address: "::ffff:127.0.0.1" },
    { xff: "evil, not-an-ip", trusted: none, address: "unknown" },
    { xff: undefined, trusted: none, address: "unknown" },
    { xff: ["1.2.3.4"], trusted: none, address: "unknown" },
  ])("$xff → $address", ({ xff, trusted, address }) => {
    expect(clientAddress(xff, trusted)).toBe(address);
  });

  it("rotating a client-made prefix does not change the address", () => {
    const seen = new Set(
      Array.from({ length: 20 }, (_, i) => clientAddress(`198.51.100.${i}, 203.0.113.7`, proxies)),
    );
    expect([...seen]).toEqual(["203.0.113.7"]);
  });
});

describe("trustedProxiesFromEnv", () => {
  it("refuses an entry that is not an IP or CIDR, naming it", () => {
    expect(() => trustedProxiesFromEnv({ QUEUEREADY_TRUSTED_PROXIES: "10.0.0.1,proxy.internal" })).toThrow(
      'QUEUEREADY_TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR',
    );
  });
  it("matches IPv4-mapped addresses against IPv4 entries", () => {
    expect(proxies.contains("::ffff:127.0.0.1")).toBe(true);
    expect(proxies.contains("127.0.0.2")).toBe(false);
  });
});
