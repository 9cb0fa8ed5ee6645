import { PageLoading } from "@/components/ui/page-loading";

/** Shown at once on a click from the history or after Apply, while the run's record is read. */
export default function RunLoading() {
  return <PageLoading title="Apply progress" status="Loading the run…" blocks={2} />;
}
