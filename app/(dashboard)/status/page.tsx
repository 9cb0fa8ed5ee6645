import type { Metadata } from "next";
import Link from "next/link";
import { AwsProblemNotice } from "@/components/status/aws-problem-notice";
import { RegionTabs } from "@/components/status/region-tabs";
import { StatusTable } from "@/components/status/status-table";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requireRole } from "@/lib/auth/require-role";
import { loadRegionInventory } from "./load-inventory";
import { resolveRegion } from "./resolve-region";

export const metadata: Metadata = { title: "Status" };

type Search = Promise<{ region?: string | string[] }>;

/** Every cache of one region, read live. Another view will put the readiness verdicts in this table. */
export default async function StatusPage({ searchParams }: { searchParams: Search }) {
  await requireRole("viewer");
  const choice = resolveRegion((await searchParams).region);
  if (!choice.ok) {
    return (
      <main className="space-y-6">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">Status</h1>
        <AwsProblemNotice what="the AWS settings cannot be used" problem={choice.problem} />
      </main>
    );
  }
  const { settings, region, requested } = choice;
  const inventory = await loadRegionInventory(settings, region);
  const readAt = new Date(inventory.readAt).toISOString().slice(11, 19);

  return (
    <main className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">Status</h1>
          <p className="mt-1 text-[13px] text-slate-500">
            Replication groups, standalone clusters and serverless caches, read live from ElastiCache.
          </p>
        </div>
        <RegionTabs regions={settings.regions} current={region} basePath="/status" />
      </div>
      {requested ? (
        <Notice tone="warning" title={`Region ${requested} is not configured`}>
          Showing {region}. Add it to QUEUEREADY_REGIONS to audit it.
        </Notice>
      ) : null}
      {inventory.problems.map((p) => (
        <AwsProblemNotice key={p.what} what={p.what} problem={p.problem} />
      ))}
      <Card>
        <CardHeader
          title={<span className="font-mono">{region}</span>}
          description={`${inventory.rows.length} cache${inventory.rows.length === 1 ? "" : "s"} · read at ${readAt} UTC`}
          actions={
            <Link href={`/status?region=${encodeURIComponent(region)}`} className={buttonClasses("secondary", "sm")} prefetch={false}>
              Refresh
            </Link>
          }
        />
        {inventory.rows.length > 0 ? (
          <StatusTable rows={inventory.rows} region={region} />
        ) : (
          <p className="px-5 py-10 text-center text-sm text-slate-500">
            {inventory.problems.length > 0 ? "Nothing to show until the reads above succeed." : `No ElastiCache caches in ${region}.`}
          </p>
        )}
      </Card>
    </main>
  );
}
