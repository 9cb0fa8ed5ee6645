import "server-only";
import { readAwsSettings } from "@/lib/aws";
import { AwsError } from "@/lib/aws/errors";
import { callerIdentity } from "@/lib/inventory/account";

/**
 * The account every page names in its header: STS, asked once per process per credential set. Unusable
 * settings or a refused STS call leave it unknown; the page itself says why when it reads.
 */
export async function currentAccountId(): Promise<string | undefined> {
  const read = readAwsSettings(process.env);
  if (!read.ok) return undefined;
  try {
    return (await callerIdentity(read.settings)).accountId;
  } catch (err) {
    if (err instanceof AwsError) return undefined;
    throw err;
  }
}
