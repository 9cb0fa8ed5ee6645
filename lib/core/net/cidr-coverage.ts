/**
 * How much of the internet a set of CIDRs opens, judged by the addresses they cover together, not by a
 * `/0` prefix: `0.0.0.0/1` + `128.0.0.0/1` is the whole IPv4 internet, `::/1` holds every global IPv6
 * unicast address, and `::ffff:0.0.0.0/96` is all of IPv4 written as IPv4-mapped IPv6. Interval math on
 * BigInt, so overlaps count once.
 */
import { cidrRange } from "./cidr";

type Interval = readonly [first: bigint, last: bigint];

/** IPv4 blocks that are not reachable public addresses (RFC 6890 special-purpose, multicast, reserved). */
const IPV4_NOT_PUBLIC = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/3",
];
/** IPv6 global unicast (RFC 4291): everything routed on the IPv6 internet lies in it. */
const IPV6_PUBLIC = "2000::/3";
const IPV4_MAPPED = cidrRange("::ffff:0.0.0.0/96")!;

function rangeOf(cidr: string): Interval {
  const r = cidrRange(cidr)!;
  return [r.first, r.last];
}

/** Sorted, merged intervals: adjacent or overlapping ones become one. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [first, last] of sorted) {
    const prev = out.at(-1);
    if (prev && first <= prev[1] + 1n) prev[1] = last > prev[1] ? last : prev[1];
    else out.push([first, last]);
  }
  return out;
}

function size(intervals: Interval[]): bigint {
  return intervals.reduce((sum, [first, last]) => sum + (last - first + 1n), 0n);
}

function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [af, al] of a) {
    for (const [bf, bl] of b) {
      const first = af > bf ? af : bf;
      const last = al < bl ? al : bl;
      if (first <= last) out.push([first, last]);
    }
  }
  return mergeIntervals(out);
}

function subtract(a: Interval[], holes: Interval[]): Interval[] {
  let rest = mergeIntervals(a);
  for (const [hf, hl] of mergeIntervals(holes)) {
    rest = rest.flatMap(([f, l]): Interval[] => {
      if (hl < f || hf > l) return [[f, l]];
      const parts: Interval[] = [];
      if (f < hf) parts.push([f, hf - 1n]);
      if (l > hl) parts.push([hl + 1n, l]);
      return parts;
    });
  }
  return rest;
}

const IPV4_PUBLIC = subtract([rangeOf("0.0.0.0/0")], IPV4_NOT_PUBLIC.map(rangeOf));
const IPV6_PUBLIC_SPACE = [rangeOf(IPV6_PUBLIC)];

export interface PublicCoverage {
  /** Share of public IPv4 addresses covered, 0..1 (IPv4-mapped IPv6 sources count as IPv4). */
  ipv4: number;
  /** Share of global unicast IPv6 addresses covered, 0..1. */
  ipv6: number;
}

/** The share of the public internet the union of `cidrs` covers; invalid CIDRs are ignored. */
export function publicCoverage(cidrs: string[]): PublicCoverage {
  const v4: Interval[] = [];
  const v6: Interval[] = [];
  for (const cidr of cidrs) {
    const r = cidrRange(cidr);
    if (!r) continue;
    if (r.version === 4) v4.push([r.first, r.last]);
    else v6.push([r.first, r.last]);
  }
  // An IPv4-mapped IPv6 source reaches the IPv4 addresses it maps: count them as IPv4.
  for (const [first, last] of intersect(mergeIntervals(v6), [[IPV4_MAPPED.first, IPV4_MAPPED.last]])) {
    v4.push([first - IPV4_MAPPED.first, last - IPV4_MAPPED.first]);
  }
  const share = (covered: Interval[], space: Interval[]) =>
    Number((size(intersect(mergeIntervals(covered), space)) * 1_000_000n) / size(space)) / 1_000_000;
  return { ipv4: share(v4, IPV4_PUBLIC), ipv6: share(v6, IPV6_PUBLIC_SPACE) };
}

/** True when the union of `cidrs` reaches every public IPv4 or every global IPv6 address. */
export function opensWholeInternet(cidrs: string[]): boolean {
  const c = publicCoverage(cidrs);
  return c.ipv4 === 1 || c.ipv6 === 1;
}
