import { notFound, permanentRedirect } from "next/navigation";
import { requireRole } from "@/lib/web/auth/require-role";
import { baseAccountId } from "@/lib/services/estate";
import { TARGET_KINDS } from "@/lib/core/identity/identity";
import { detailHref } from "@/lib/core/identity/links";
import { isRegionName } from "@/lib/core/identity/identity";

type Params = Promise<{ account: string; region: string; kind: string }>;

const KINDS: readonly string[] = TARGET_KINDS;

/**
 * A detail link from before URLs named the account (`/status/<region>/<kind>/<id>`): its three segments land
 * here, and go to the same cluster in the account of QueueReady's own credentials, where it was.
 */
export default async function OldDetailLink({ params }: { params: Params }) {
  await requireRole("viewer");
  const p = await params;
  const [region, kind, id] = [p.account, p.region, p.kind].map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  }) as [string, string, string];
  if (!isRegionName(region) || !KINDS.includes(kind)) notFound();
  const accountId = await baseAccountId();
  if (!accountId) notFound();
  permanentRedirect(detailHref({ accountId, region, kind: kind as (typeof TARGET_KINDS)[number], id }));
}
