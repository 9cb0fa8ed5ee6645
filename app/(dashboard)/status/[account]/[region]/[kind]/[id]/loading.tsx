import { PageLoading } from "@/components/ui/page-loading";

/** The detail page reads the cluster live (several AWS calls): its heading and a status line come first. */
export default function ClusterLoading() {
  return <PageLoading title="Cluster" status="Reading the cluster from AWS…" blocks={3} />;
}
