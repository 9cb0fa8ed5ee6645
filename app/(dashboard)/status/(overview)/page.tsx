import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AccountSection } from "@/components/status/account-section";
import { auditAgeText } from "@/components/status/audit-age";
import { AwsProblemNotice } from "@/components/status/aws-problem-notice";
import { FirstAudit } from "@/components/status/first-audit";
import { NotReadNotice } from "@/components/status/not-read-notice";
import { ageWords } from "@/components/status/audit-age";
import { Pager } from "@/components/status/pager";
import { RefreshButton } from "@/components/status/refresh-button";
import { StatusFilters } from "@/components/status/status-filters";
import {
  exportHref,
  isFilteredView,
  parseStatusQuery,
  statusSearch,
  type SearchParams,
} from "@/lib/web/status/status-query";
import { StatusSummary } from "@/components/status/status-summary";
import { buttonClasses } from "@/components/ui/button";
import { requireRole } from "@/lib/web/auth/require-role";
import { readAwsSettings } from "@/lib/adapters/aws/settings";
import { defaultDatabase } from "@/lib/adapters/db";
import { plural } from "@/lib/core/text/plural";
import { startManualAudit } from "@/lib/services/audit/refresh-audit";
import { loadStoredStatus } from "@/lib/web/status/stored-status";

export const metadata: Metadata = { title: "Status" };
// The stored audit as it is now: never prerendered or cached between requests.
export const dynamic = "force-dynamic";

/** How long the first load waits for the first audit before saying it is running. */
const FIRST_AUDIT_WAIT_MS = 5_000;

function Header({ children }: { children?: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">Status</h1>
        <p className="mt-1 text-[13px] text-slate-500">
          Is BullMQ safe on each cluster of every account and region, and what to do if not.
        </p>
      </div>
      {children}
    </div>
  );
}

/**
 * The readiness of the whole estate, from the latest stored audit (scheduled, or a Refresh): its age, a
 * summary per verdict, then one page of 50 rows grouped by account, filtered and paged in SQL.
 */
export default async function StatusPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole("viewer");
  const params = await searchParams;
  const query = parseStatusQuery(params);
  // The filter form sends every field, empty ones too: answer with the view's short, shareable address.
  if (Object.values(params).some((v) => v === "" || (Array.isArray(v) && v.includes(""))))
    redirect(`/status${statusSearch(query)}`);
  const aws = readAwsSettings(process.env);
  if (!aws.ok) {
    return (
      <div className="space-y-6">
        <Header />
        <AwsProblemNotice what="the AWS settings cannot be used" problem={aws.problem} />
      </div>
    );
  }
  const { db } = await defaultDatabase();
  let loaded = await loadStoredStatus(db, query);
  if (!loaded.ready && !loaded.running) {
    // Nothing stored and nothing running (scheduled audits off, or the first one failed): start it here,
    // and wait a little, so a small estate shows its results on this very load.
    const started = await startManualAudit(db, aws.settings, process.env, user.name);
    if (started.started) {
      const done = started.done.then(
        () => true,
        (err: unknown) => {
          console.error(`The first audit failed: ${err instanceof Error ? err.message : String(err)}`);
          return false;
        },
      );
      const timeout = new Promise<boolean>((r) => setTimeout(() => r(false), FIRST_AUDIT_WAIT_MS));
      if (await Promise.race([done, timeout])) loaded = await loadStoredStatus(db, query);
    }
  }
  if (!loaded.ready) {
    const since = loaded.running?.startedAt.toISOString().slice(11, 19);
    return (
      <div className="space-y-6">
        <Header />
        <FirstAudit since={since ? `${since} UTC` : undefined} />
      </div>
    );
  }
  const { status } = loaded;
  const { window } = status;
  const finishedAt = status.run.finishedAt!;
  return (
    <div className="space-y-5">
      <Header>
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-[13px] text-slate-600">
            <time dateTime={finishedAt.toISOString()} title={finishedAt.toISOString()}>
              {status.readNothing
                ? `Audit failed ${ageWords(finishedAt, new Date())}: nothing could be read`
                : auditAgeText(status.run, new Date())}
            </time>
            {status.running ? " · another audit is running" : ""}
          </p>
          <RefreshButton />
          <Link href="/status/changes" className={buttonClasses("ghost", "sm")}>
            Changed in the last 24 h
          </Link>
        </div>
      </Header>
      <NotReadNotice notRead={status.notRead} absent={status.absent} readNothing={status.readNothing} />
      <StatusSummary
        counts={status.summary}
        query={query}
        notRead={status.notRead.filter((n) => n.region).length || status.notRead.length}
      />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <StatusFilters query={query} accounts={status.accounts} regions={status.regions} />
        <div className="flex items-center gap-2">
          {(["csv", "json"] as const).map((format) => (
            <a
              key={format}
              href={exportHref(query, format)}
              download
              className={buttonClasses("secondary", "sm")}
            >
              Export {format.toUpperCase()}
            </a>
          ))}
        </div>
      </div>
      <p role="status" aria-live="polite" className="text-[13px] text-slate-600">
        {status.total === 0
          ? isFilteredView(query)
            ? "No cluster matches the filters."
            : "No clusters found in the audited accounts and regions."
          : `Showing ${window.from}–${window.to} of ${plural(status.total, "cluster")}, page ${window.current} of ${window.pages}.`}
      </p>
      {status.groups.map((g) => (
        <AccountSection key={g.accountId} group={g} filtered={isFilteredView(query)} />
      ))}
      <Pager query={query} pages={window.pages} current={window.current} />
    </div>
  );
}
