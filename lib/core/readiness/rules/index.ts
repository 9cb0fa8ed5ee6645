/** The rule registry, in the order findings of equal severity are listed. Ids are stable: exports and links use them. */
import type { Rule } from "./rule";
import { serverlessRule } from "./serverless";
import { engineVersionRule } from "./engine-version";
import { evictionPolicyRule } from "./eviction-policy";
import { parameterGroupAppliedRule } from "./parameter-group-applied";
import { sharedParameterGroupRule } from "./shared-parameter-group";
import { networkIngressRule } from "./network-ingress";
import { clusterStatusRule } from "./cluster-status";
import { clusterModeRule, tlsClientRule, authClientRule } from "./client-notes";
import { globalDatastoreRule } from "./global-datastore";
import { memoryAlarmRule } from "./memory-alarm";

export const RULES: readonly Rule[] = [
  serverlessRule,
  engineVersionRule,
  evictionPolicyRule,
  parameterGroupAppliedRule,
  sharedParameterGroupRule,
  networkIngressRule,
  clusterStatusRule,
  clusterModeRule,
  tlsClientRule,
  authClientRule,
  globalDatastoreRule,
  memoryAlarmRule,
];

export type { Rule } from "./rule";
