/** How widely a cluster's port is open to the internet, from the CIDR rules that cover it. */
import type { IngressRule } from "@/lib/core/model/resources";
import { publicCoverage } from "@/lib/core/net/cidr-coverage";

export type Match = { groupId: string; rule: IngressRule };

/** Below this share of the public IPv4 (or global IPv6) space a CIDR rule is a choice, not an open door. */
const WIDE_SHARE = 1 / 256;

/**
 * The port's CIDR rules judged by the addresses they cover together, across every attached group (so two
 * halves in two groups count as the whole internet). Returns the rules that reach public addresses and, when
 * they do not cover all of it, a note of how much they do; undefined when the share is small.
 */
export function widelyOpen(matches: Match[]): { open: Match[]; coverage: string } | undefined {
  const cidrOf = (m: Match) =>
    m.rule.source.kind === "cidr" || m.rule.source.kind === "cidr6" ? m.rule.source.cidr : undefined;
  const cidrs = matches.map(cidrOf).filter((c): c is string => c !== undefined);
  const total = publicCoverage(cidrs);
  if (total.ipv4 < WIDE_SHARE && total.ipv6 < WIDE_SHARE) return undefined;
  const open = matches.filter((m) => {
    const cidr = cidrOf(m);
    if (!cidr) return false;
    const c = publicCoverage([cidr]);
    return c.ipv4 > 0 || c.ipv6 > 0;
  });
  if (total.ipv4 === 1 || total.ipv6 === 1) return { open, coverage: "" };
  const [share, family] = total.ipv4 >= total.ipv6 ? [total.ipv4, "IPv4"] : [total.ipv6, "IPv6"];
  return { open, coverage: ` (${Math.round(share * 100) || "<1"}% of public ${family} addresses)` };
}
