/** The shape of a readiness rule: a pure function from a resolved target to its findings. */
import type { Finding, RuleId } from "@/lib/core/readiness/types";
import type { TargetView } from "@/lib/core/readiness/target";

export interface Rule {
  id: RuleId;
  /** What the rule checks, in one line (the closing note and the docs list these). */
  title: string;
  /** Findings for this target; [] when the rule has nothing to say (e.g. TLS off for `tls-client`). */
  check(t: TargetView): Finding[];
}

/** Node-based Redis OSS or Valkey: the only targets the BullMQ rules look into (engine unknown counts, so reads can be judged). */
export function isBullmqCandidate(t: TargetView): boolean {
  return !t.serverless && t.engine !== "memcached";
}
