/**
 * Whether an inbound rule admits the cluster's port, one answer for the audit (network-ingress), the
 * planner (is there a rule already) and the apply (skip a rule that exists).
 */
import type { IngressRule } from "@/lib/core/model/resources";

/**
 * TCP traffic on `port` gets in through this rule: "all traffic" (`-1`), or tcp (`6`) with a range that covers
 * the port. A tcp rule without ports (AWS always sends them) is not taken to cover anything, so neither the
 * audit nor a skipped step ever rests on a guess.
 */
export function ruleCoversPort(rule: IngressRule, port: number): boolean {
  if (rule.protocol === "-1") return true;
  if (rule.protocol !== "tcp" && rule.protocol !== "6") return false;
  return (
    rule.fromPort !== undefined && rule.toPort !== undefined && rule.fromPort <= port && port <= rule.toPort
  );
}
