import { notFound } from "next/navigation";
import { scopeFor } from "@/lib/estate";
import { TARGET_KINDS } from "@/lib/inventory";

const KINDS: readonly string[] = TARGET_KINDS;

/**
 * The address checks that need no AWS call (the estate is cached), before the loading boundary: an account
 * that is not configured, a region it does not audit, or a kind that does not exist is a real 404. A cluster
 * missing from a live read can only be known after the loading page has streamed, so it gets the not-found
 * page with a 200. An account QueueReady cannot reach is not a 404: the page says why.
 */
export default async function ClusterLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ account: string; region: string; kind: string; id: string }>;
}) {
  const { account, region, kind } = await params;
  if (!KINDS.includes(kind)) notFound();
  const found = await scopeFor(account);
  if (!found.ok && found.notFound) notFound();
  const regions = found.ok ? found.account.regions : found.account?.regions;
  if (regions && !regions.includes(region)) notFound();
  return children;
}
