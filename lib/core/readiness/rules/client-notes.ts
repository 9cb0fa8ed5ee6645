/**
 * Rules that never block but change what the BullMQ client must look like: cluster mode (`cluster-mode-hash-tag`),
 * in-transit encryption (`tls-client`) and AUTH / RBAC (`auth-client`). The connection snippet applies them.
 */
import type { Finding } from "@/lib/core/readiness/types";
import { sourceOf } from "@/lib/core/readiness/remediation";
import { memoryDbAuth, memoryDbClusterMode } from "./memorydb-notes";
import { isBullmqCandidate, type Rule } from "./rule";
import { nounFor, plural } from "@/lib/core/text/plural";

export const clusterModeRule: Rule = {
  id: "cluster-mode-hash-tag",
  title: "Cluster mode enabled: queues need a {hash-tag} prefix and a Cluster client",
  check(t) {
    if (!isBullmqCandidate(t)) return [];
    if (t.memorydb) return memoryDbClusterMode(t.memorydb, t.region);
    if (!t.group?.clusterEnabled) return [];
    const cfg = t.group.configurationEndpoint;
    return [
      {
        ruleId: "cluster-mode-hash-tag",
        severity: "info",
        title: "Cluster mode on: use a {hash-tag} prefix such as {bull}",
        detail:
          'Every key of a queue must hash to one slot, else Redis answers CROSSSLOT. Give every Queue and Worker `prefix: "{bull}"` and connect an ioredis Cluster client to the configuration endpoint.',
        evidence: [
          {
            observed: `ClusterEnabled=true, ${plural(t.group.nodeGroups.length, "shard")}${cfg ? `, configuration endpoint ${cfg.address}:${cfg.port}` : ""}`,
            source: sourceOf("DescribeReplicationGroups", t.ref.id, t.region),
          },
        ],
      },
    ];
  },
};

export const tlsClientRule: Rule = {
  id: "tls-client",
  title: "In-transit encryption on: the client needs tls: {} (and dnsLookup in cluster mode)",
  check(t) {
    if (!isBullmqCandidate(t)) return [];
    const tls =
      t.group?.transitEncryptionEnabled ?? t.standalone?.transitEncryptionEnabled ?? t.memorydb?.tlsEnabled;
    if (!tls) return [];
    const cluster = t.clusterMode
      ? " In cluster mode also pass `dnsLookup: (address, callback) => callback(null, address)`, else the certificate check fails on the node addresses."
      : "";
    return [
      {
        ruleId: "tls-client",
        severity: "info",
        title: t.clusterMode ? "TLS on: client needs tls: {} and dnsLookup" : "TLS on: client needs tls: {}",
        detail: `Without \`tls: {}\` the client never completes a handshake and BullMQ just times out.${cluster}`,
        evidence: [
          {
            observed: t.memorydb ? "TLSEnabled=true" : "TransitEncryptionEnabled=true",
            source: sourceOf(
              t.memorydb
                ? "DescribeClusters"
                : t.group
                  ? "DescribeReplicationGroups"
                  : "DescribeCacheClusters",
              t.ref.id,
              t.region,
            ),
          },
        ],
      },
    ];
  },
};

export const authClientRule: Rule = {
  id: "auth-client",
  title: "AUTH token or RBAC: what the client must send and which commands the user needs",
  check(t) {
    if (!isBullmqCandidate(t)) return [];
    if (t.memorydb) return memoryDbAuth(t.memorydb, t.region);
    const findings: Finding[] = [];
    const source = sourceOf(
      t.group ? "DescribeReplicationGroups" : "DescribeCacheClusters",
      t.ref.id,
      t.region,
    );
    if (t.group?.authTokenEnabled ?? t.standalone?.authTokenEnabled) {
      findings.push({
        ruleId: "auth-client",
        severity: "info",
        title: "AUTH token on: the client needs the password",
        detail:
          "Pass the token as `password` (from a secret, e.g. process.env.REDIS_AUTH_TOKEN), never in code. Without it every command fails with NOAUTH.",
        evidence: [{ observed: "AuthTokenEnabled=true", source }],
      });
    }
    const userGroups = t.group?.userGroupIds ?? [];
    if (userGroups.length > 0) {
      findings.push({
        ruleId: "auth-client",
        severity: "info",
        title: `${nounFor(userGroups.length, "RBAC user group")} ${userGroups.join(", ")}: the BullMQ user needs EVAL, INFO and CLIENT`,
        detail:
          "Connect with `username` and `password`. The user's access string needs the data commands plus EVAL/EVALSHA, INFO and CLIENT, else BullMQ fails with NOPERM; `on ~* +@all` works.",
        evidence: [
          {
            observed: `UserGroupIds=${userGroups.join(",")}`,
            expected: "a user with on ~* +@all (or EVAL/EVALSHA, INFO, CLIENT and data commands)",
            source,
          },
        ],
      });
    }
    return findings;
  },
};
