/**
 * How much of the internet a CIDR source opens the cluster's port to, judged by the addresses it covers
 * (issue 9 item 6), not by its prefix being `/0`: `0.0.0.0/1` + `128.0.0.0/1`, `::/1` and
 * `::ffff:0.0.0.0/96` all open the whole internet although none of them ends in `/0`.
 */
import { publicCoverage, type PublicCoverage } from "@/lib/core/net/cidr-coverage";

export type SourceExposure = { ok: true; warning?: string } | { ok: false; error: string };

export const WHOLE_INTERNET_ERROR =
  'That covers every public address (the whole internet): choose "Anywhere" and acknowledge the warning instead.';

const whole = (c: PublicCoverage) => c.ipv4 === 1 || c.ipv6 === 1;

function share(c: PublicCoverage): string {
  const [value, family] = c.ipv4 >= c.ipv6 ? [c.ipv4, "IPv4"] : [c.ipv6, "IPv6"];
  const percent = value * 100;
  const shown = percent >= 1 ? String(Math.round(percent)) : percent >= 0.01 ? percent.toFixed(2) : "<0.01";
  return `${shown}% of public ${family} addresses`;
}

/**
 * `cidr` (canonical) alone, and together with the CIDR rules the chosen group already has on the port
 * (`existing`): the whole internet alone is refused (the "Anywhere" choice asks for an acknowledgement);
 * reaching it together with the group's rules, or reaching any public address, is a warning that says how much.
 */
export function judgeCidrSource(cidr: string, existing: string[] = []): SourceExposure {
  const alone = publicCoverage([cidr]);
  if (whole(alone)) return { ok: false, error: WHOLE_INTERNET_ERROR };
  const together = publicCoverage([cidr, ...existing]);
  if (whole(together)) {
    return {
      ok: true,
      warning: `${cidr} together with the group's rules from ${existing.join(", ")} opens the port to every public address (the whole internet).`,
    };
  }
  if (alone.ipv4 > 0 || alone.ipv6 > 0)
    return {
      ok: true,
      warning: `${cidr} reaches public internet addresses (${share(alone)}), not only private ones: prefer the application's security group or the VPC's CIDR.`,
    };
  return { ok: true };
}
