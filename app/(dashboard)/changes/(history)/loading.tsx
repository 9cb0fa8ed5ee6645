import { PageLoading } from "@/components/ui/page-loading";

// Scoped to the history by the (history) group, so a run page that does not exist still answers 404.
export default function ChangesLoading() {
  return <PageLoading title="Changes" status="Loading the applies and checking what is unused…" blocks={2} />;
}
