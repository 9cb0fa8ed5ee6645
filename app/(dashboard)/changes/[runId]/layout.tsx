import { notFound } from "next/navigation";
import { getApplyRun } from "@/lib/adapters/db/lookups";

/**
 * Looks the run up before the loading boundary below it: once loading.tsx has streamed, a missing run could
 * only be a 200 with the not-found page; here it is a real 404 (the read is one indexed row).
 */
export default async function RunLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ runId: string }>;
}) {
  if (!(await getApplyRun((await params).runId))) notFound();
  return children;
}
