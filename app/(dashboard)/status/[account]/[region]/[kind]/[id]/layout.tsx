import { notFound } from "next/navigation";
import { findAccount } from "@/lib/services/estate";
import { accountIdSchema, TARGET_KINDS } from "@/lib/core/identity/identity";

const KINDS: readonly string[] = TARGET_KINDS;

/**
 * The address checks that need no read of the cluster, before the loading boundary: an account that is not
 * configured, a region not configured for it or a kind that does not exist is a real 404 (the estate is
 * cached per process). A cluster missing from a live read can only be known after the loading page has
 * streamed, so it gets the not-found page with a 200.
 */
export default async function ClusterLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ account: string; region: string; kind: string; id: string }>;
}) {
  const { account, region, kind } = await params;
  if (!accountIdSchema.safeParse(account).success || !KINDS.includes(kind)) notFound();
  const found = await findAccount(account);
  if (!found.ok && found.notFound) notFound();
  if (found.ok && !found.account.read.regions.includes(region)) notFound();
  return children;
}
