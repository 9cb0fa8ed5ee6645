import { PageLoading } from "@/components/ui/page-loading";

/** Every wizard step reads the region live before it can show its choices. */
export default function WizardLoading() {
  return <PageLoading title="Fix a cluster" status="Checking the live account…" />;
}
