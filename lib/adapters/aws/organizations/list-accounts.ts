/** AWS Organizations: the accounts of the organization the base credentials manage. */
import { OrganizationsClient, paginateListAccounts } from "@aws-sdk/client-organizations";
import { clientConfig } from "@/lib/adapters/aws/client-config";
import { toAwsError } from "@/lib/adapters/aws/errors";
import type { AwsSettings } from "@/lib/adapters/aws/settings";

export interface OrganizationAccount {
  id: string;
  name: string;
  /** `ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE`. */
  status: string;
}

// Organizations is a global service answered from us-east-1 (aws partition).
const ORGANIZATIONS_REGION = "us-east-1";

/** Every account (paged, 20 per page, the API's maximum). Throws an AwsError; NotInUse keeps its code. */
export async function listOrganizationAccounts(settings: AwsSettings): Promise<OrganizationAccount[]> {
  // The same timeouts and retry as every other client: a stuck endpoint must not hang the audit's start.
  const client = new OrganizationsClient(clientConfig(settings, ORGANIZATIONS_REGION));
  try {
    const accounts: OrganizationAccount[] = [];
    for await (const page of paginateListAccounts({ client, pageSize: 20 }, {})) {
      for (const a of page.Accounts ?? []) {
        if (a.Id) accounts.push({ id: a.Id, name: a.Name ?? a.Id, status: a.State ?? a.Status ?? "ACTIVE" });
      }
    }
    return accounts;
  } catch (err) {
    throw toAwsError(err, {
      service: "organizations",
      operation: "ListAccounts",
      region: ORGANIZATIONS_REGION,
    });
  } finally {
    client.destroy();
  }
}
