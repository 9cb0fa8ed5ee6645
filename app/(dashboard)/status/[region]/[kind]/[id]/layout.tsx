import { notFound } from "next/navigation";
import { TARGET_KINDS } from "@/lib/inventory";
import { resolveView } from "@/lib/status/resolve-view";

const KINDS: readonly string[] = TARGET_KINDS;

/**
 * The address checks that need no AWS call, before the loading boundary: a region that is not configured or
 * a kind that does not exist is a real 404. A cluster missing from a live read can only be known after the
 * loading page has streamed, so it gets the not-found page with a 200.
 */
export default async function ClusterLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ region: string; kind: string; id: string }>;
}) {
  const { region, kind } = await params;
  const view = resolveView({});
  if (view.ok && (!view.settings.regions.includes(region) || !KINDS.includes(kind))) notFound();
  return children;
}
