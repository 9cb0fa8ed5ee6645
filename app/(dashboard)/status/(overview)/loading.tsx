import { PageLoading } from "@/components/ui/page-loading";

// Scoped to the overview by the (overview) group: a boundary above the cluster pages would commit a 200
// before notFound() could answer 404 for a cluster that does not exist.
export default function StatusLoading() {
  return <PageLoading title="Status" status="Loading the latest stored audit…" />;
}
