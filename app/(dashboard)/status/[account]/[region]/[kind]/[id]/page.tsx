import { hasRole } from "@/lib/web/auth/roles";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AwsProblemNotice } from "@/components/status/aws-problem-notice";
import { ClusterDetail } from "@/components/status/cluster-detail";
import { TargetTimeline } from "@/components/status/target-timeline";
import { requireRole } from "@/lib/web/auth/require-role";
import { lastVerification } from "@/lib/adapters/db/verifications";
import { defaultDatabase } from "@/lib/adapters/db";
import { findAccount } from "@/lib/services/estate";
import { accountIdSchema, TARGET_KINDS, type TargetKind } from "@/lib/core/identity/identity";
import { auditTarget } from "@/lib/core/readiness";
import { readTargetSnapshot } from "@/lib/services/collect/read-target";

type Params = Promise<{ account: string; region: string; kind: string; id: string }>;

const KINDS: readonly string[] = TARGET_KINDS;

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: decode(id).slice(0, 100) };
}

/** Route params may arrive still percent-encoded; a malformed escape is kept as typed (and then not found). */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** One cluster's audit in one account, read live with that account's read settings: every finding with its evidence, the fix, and the BullMQ connection code. */
export default async function ClusterPage({ params }: { params: Params }) {
  const user = await requireRole("viewer");
  const p = await params;
  const [account, region, kind, id] = [p.account, p.region, p.kind, p.id].map(decode) as [
    string,
    string,
    string,
    string,
  ];
  // Only configured accounts and regions are read: a URL must not make the app probe arbitrary ones.
  if (!accountIdSchema.safeParse(account).success || !KINDS.includes(kind)) notFound();
  const found = await findAccount(account);
  if (!found.ok && found.notFound) notFound();
  if (!found.ok) {
    const named = found.account ? `${found.account.name} (${account})` : account;
    return <Problem title={id} what={`account ${named} cannot be read`} problem={found.problem} />;
  }
  const { read: settings, name } = found.account;
  if (!settings.regions.includes(region)) notFound();
  const read = await readTargetSnapshot(settings, {
    accountId: account,
    kind: kind as TargetKind,
    region,
    id,
  });
  if (!read.ok)
    return (
      <Problem title={id} what={`${name} (${account}) ${region} could not be read`} problem={read.problem} />
    );
  const ref = read.snapshot.focus;
  const audit = auditTarget(read.snapshot, ref);
  if (!audit) {
    // Absent from a list that failed to read is "unknown", not "gone".
    const list =
      kind === "memorydb-cluster"
        ? (read.snapshot.memorydb?.clusters ?? { ok: true as const, value: [] })
        : kind === "serverless"
          ? read.snapshot.serverlessCaches
          : kind === "cache-cluster"
            ? read.snapshot.cacheClusters
            : read.snapshot.replicationGroups;
    if (!list.ok) return <Problem title={id} what={`${id} could not be looked up`} problem={list.problem} />;
    notFound();
  }
  const verification = await lastVerification((await defaultDatabase()).db, ref);
  return (
    <>
      <ClusterDetail
        c={audit}
        accountName={name}
        verification={verification}
        canVerify={hasRole(user.role, "operator")}
      />
      <TargetTimeline target={ref} />
    </>
  );
}

function Problem({
  title,
  what,
  problem,
}: {
  title: string;
  what: string;
  problem: Parameters<typeof AwsProblemNotice>[0]["problem"];
}) {
  return (
    <div className="space-y-6">
      <h1 className="font-mono text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <AwsProblemNotice what={what} problem={problem} />
    </div>
  );
}
