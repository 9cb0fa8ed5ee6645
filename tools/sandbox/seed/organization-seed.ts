/**
 * The default seed: an AWS Organization whose management account is today's seeded account (unchanged)
 * with three active members and a suspended one. SEED.md ("Organization") is the contract.
 */
import { makeAccount, MEMBER_ROLE, role } from "@/tools/sandbox/model/accounts";
import { ACCOUNT_ID, type SandboxState } from "@/tools/sandbox/model/state";
import { managementRegions } from "./default-seed";
import { emptyMemberRegion, paymentsUsEast1, researchUsEast1, stagingUsEast1 } from "./member-regions";

export const ORGANIZATION_ID = "o-sandbox0001";
export const STAGING_ID = "210987654321";
export const PAYMENTS_ID = "345678901234";
export const RESEARCH_ID = "456789012345";
export const SUSPENDED_ID = "567890123456";
/** The ExternalId the payments account's roles and the staging audit roles require. */
export const SANDBOX_EXTERNAL_ID = "queueready-sandbox";

export function organizationSeed(): SandboxState {
  const trustsManagement = [ACCOUNT_ID];
  const withExternalId = { externalId: SANDBOX_EXTERNAL_ID };
  const accounts = [
    makeAccount(ACCOUNT_ID, "management", managementRegions()),
    makeAccount(
      STAGING_ID,
      "staging",
      [stagingUsEast1(STAGING_ID), emptyMemberRegion(STAGING_ID, "eu-west-1")],
      [
        role(MEMBER_ROLE, trustsManagement),
        role("QueueReadyAudit", trustsManagement, { ...withExternalId, access: "read" }),
        role("QueueReadyApply", trustsManagement, withExternalId),
      ],
    ),
    makeAccount(
      PAYMENTS_ID,
      "payments",
      [paymentsUsEast1(PAYMENTS_ID), emptyMemberRegion(PAYMENTS_ID, "eu-west-1")],
      [role(MEMBER_ROLE, trustsManagement, withExternalId)],
    ),
    makeAccount(
      RESEARCH_ID,
      "research",
      [researchUsEast1(RESEARCH_ID), emptyMemberRegion(RESEARCH_ID, "eu-west-1")],
      [role(MEMBER_ROLE, [])],
    ),
    makeAccount(SUSPENDED_ID, "retired", [], [role(MEMBER_ROLE, trustsManagement)], "SUSPENDED"),
  ];
  return {
    accounts: Object.fromEntries(accounts.map((a) => [a.id, a])),
    defaultAccountId: ACCOUNT_ID,
    organization: { id: ORGANIZATION_ID, managementAccountId: ACCOUNT_ID },
  };
}
