/**
 * lib/aws: the only code that talks to the AWS SDK. Everything it returns is an app type from
 * ./types; everything it throws is an AwsError carrying an AwsProblem.
 */

export type * from "./types";
export { isDefaultParameterGroup } from "./types";
export { checkParameterGroupName, checkSecurityGroupName, type NameCheck } from "./names";
export {
  awsSettingsFromEnv,
  isRegionName,
  readAwsSettings,
  type AwsSettings,
  credentialsLabel,
  type AwsSettingsResult,
  type CredentialProvider,
  type StaticCredentials,
} from "./settings";
export { createAwsContext, type AwsContext, type RequestListener } from "./context";
export { AwsError, toAwsProblem, type AwsService, type CallSite } from "./errors";
export {
  listCacheClusters,
  listCacheEngineVersions,
  listCacheParameterGroups,
  listCacheParameters,
  listCacheSubnetGroups,
  listEvents,
  listReplicationGroups,
  listServerlessCaches,
  listTagsForResource,
} from "./elasticache-reads";
export { listSecurityGroupRules, listSecurityGroups, listSubnets, listVpcs } from "./ec2-reads";
export {
  addTagsToResource,
  createCacheParameterGroup,
  deleteCacheParameterGroup,
  modifyCacheCluster,
  modifyCacheParameterGroup,
  modifyReplicationGroup,
  resetCacheParameterGroup,
  type ClusterChange,
} from "./elasticache-writes";
export {
  authorizeIngress,
  createEc2Tags,
  createSecurityGroup,
  deleteSecurityGroup,
  revokeIngress,
  type IngressRequest,
} from "./ec2-writes";
export { checkEc2Permission, type Ec2PermissionCheck, type Ec2PermissionResult } from "./ec2-permission";
export { getCallerIdentity } from "./sts";
export {
  accountsConfigFromEnv,
  AccountsConfigError,
  parseAccountsConfig,
  type AccountsConfig,
  type ExplicitAccount,
} from "./accounts-config";
export { assumedRole, assumedRoleSettings, type RoleTarget } from "./account-credentials";
export { listAuditScopes, type AccountScope } from "./audit-scopes";
export { listOrganizationAccounts, type OrganizationAccount } from "./organizations";
export {
  DEFAULT_SCOPE_CONCURRENCY,
  mapScopeRegions,
  scopeConcurrency,
  type ScopeRegionResult,
} from "./scope-runner";
