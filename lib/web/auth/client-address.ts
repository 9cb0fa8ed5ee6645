/**
 * The address a sign-in comes from, for the attempt limiter. X-Forwarded-For is a list anyone can start:
 * only its rightmost entry was written by whoever connected to us (Next fills the header with the socket
 * address when a client sent none; a reverse proxy appends its peer). An entry further left is believed only
 * while every hop to its right is a configured trusted proxy (`QUEUEREADY_TRUSTED_PROXIES`, IPs or CIDRs),
 * so a client cannot pick its own address by sending the header.
 */
import type { Env } from "./env";
import { cidrRange } from "@/lib/core/net/cidr";

export interface TrustedProxies {
  contains(address: string): boolean;
}

type Range = { version: 4 | 6; first: bigint; last: bigint };

/** Plain IP text (an IPv4-mapped IPv6 address is read as its IPv4 address) as a one-address range. */
function addressRange(address: string): Range | undefined {
  const plain = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  return cidrRange(`${plain}/${plain.includes(":") ? 128 : 32}`);
}

/** Parses `QUEUEREADY_TRUSTED_PROXIES` (comma-separated IPs or CIDRs); throws naming a bad entry. */
export function trustedProxiesFromEnv(env: Env): TrustedProxies {
  const entries = (env.QUEUEREADY_TRUSTED_PROXIES ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const ranges = entries.map((entry) => {
    const range = entry.includes("/") ? cidrRange(entry) : addressRange(entry);
    if (!range)
      throw new Error(
        `QUEUEREADY_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR (e.g. 10.0.0.5 or 10.0.0.0/24).`,
      );
    return range;
  });
  return {
    contains(address) {
      const a = addressRange(address);
      return !!a && ranges.some((r) => r.version === a.version && a.first >= r.first && a.last <= r.last);
    },
  };
}

/** The client's address from the X-Forwarded-For chain, trusting hops only as far as `trusted` allows. */
export function clientAddress(forwardedFor: unknown, trusted: TrustedProxies): string {
  const chain =
    typeof forwardedFor === "string"
      ? forwardedFor
          .split(",")
          .map((e) => e.trim())
          .filter(Boolean)
      : [];
  let i = chain.length - 1;
  while (i > 0 && trusted.contains(chain[i]!)) i--;
  const address = chain[i];
  return address && addressRange(address) ? address.toLowerCase() : "unknown";
}
