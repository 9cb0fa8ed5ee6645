import { Card, CardHeader } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { connectionSnippet } from "@/lib/core/readiness/connection-snippet";
import { VERDICT_LABELS, type ClusterAudit } from "@/lib/core/readiness/types";
import type { Verification } from "@/lib/core/verify/verification";
import { ClusterFacts } from "./cluster-facts";
import { EngineEvidence } from "./engine-evidence";
import { VerifyForm } from "./verify-form";
import { CopyBlock } from "./copy-block";
import { FindingCard } from "./finding-card";
import { severityLabel } from "./status-labels";
import { VerdictBadge } from "./verdict-badge";
import { plural } from "@/lib/core/text/plural";

/** Why there is no connection code, in the verdict's terms. */
function noSnippetReason(c: ClusterAudit): string {
  if (c.verdict === "incompatible")
    return "BullMQ cannot run on this cluster, so there is no connection code for it. See the findings for the way out.";
  if (c.verdict === "not-applicable")
    return "This is not a Redis OSS or Valkey cluster; BullMQ cannot use it.";
  return "No endpoint was read for this cluster (it may still be creating, or the read failed), so the connection code cannot be made yet.";
}

/** The detail view of one cluster: verdict, facts, every finding with its evidence and fix, the connection code. */
export function ClusterDetail({
  c,
  verification,
  accountName,
  canVerify = false,
}: {
  c: ClusterAudit;
  /** The account's name in the estate (the id is the target's own). */
  accountName?: string;
  /** The last check on the engine, when there was one. */
  verification?: Verification;
  /** Operators run the engine check (the action refuses anyone else); viewers see its last result only. */
  canVerify?: boolean;
}) {
  const open = c.findings.filter((f) => f.severity !== "pass");
  const passed = c.findings.filter((f) => f.severity === "pass");
  const wizardHref =
    c.verdict === "needs-changes" || c.verdict === "unknown"
      ? c.findings.find((f) => f.remediation?.wizardHref)?.remediation?.wizardHref
      : undefined;
  const tally = (["fail", "unknown", "warn", "info"] as const)
    .map((s) => [s, open.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${severityLabel(s).toLowerCase()}`)
    .join(", ");
  return (
    <div className="space-y-5">
      <a
        href={`/status?region=${encodeURIComponent(c.region)}`}
        className="text-[13px] font-medium text-indigo-700 hover:underline"
      >
        ← Status of {c.region}
      </a>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-xl font-semibold tracking-tight text-slate-900">{c.name}</h1>
        <VerdictBadge verdict={c.verdict} />
        <span className="text-[13px] text-slate-600" data-testid="detail-account">
          {accountName && accountName !== c.ref.accountId
            ? `${accountName} (${c.ref.accountId})`
            : c.ref.accountId}{" "}
          · {c.region}
        </span>
        <span className="text-[13px] text-slate-500">
          {tally || `${VERDICT_LABELS[c.verdict]}: every check passes`}
        </span>
        {wizardHref ? (
          <a href={wizardHref} className={buttonClasses("primary", "sm", "ml-auto")}>
            Fix with the wizard
          </a>
        ) : null}
      </div>
      <Card aria-label="Facts">
        <ClusterFacts c={c} />
      </Card>
      <Card aria-label="Findings">
        <CardHeader
          title="Findings"
          description={open.length > 0 ? `${open.length} to look at, most severe first` : "Nothing to fix"}
        />
        <div className="divide-y divide-slate-100">
          {open.map((f, i) => (
            <FindingCard key={i} finding={f} />
          ))}
        </div>
        {passed.length > 0 ? (
          <details className="border-t border-slate-200">
            <summary className="cursor-pointer px-5 py-3 text-[13px] font-medium text-slate-700">
              {plural(passed.length, "check")} passed
            </summary>
            <div className="divide-y divide-slate-100 border-t border-slate-100">
              {passed.map((f, i) => (
                <FindingCard key={i} finding={f} />
              ))}
            </div>
          </details>
        ) : null}
      </Card>
      {c.connection && c.kind !== "serverless" ? (
        <Card aria-label="Engine check">
          <CardHeader
            title="On the engine"
            description="What the engine itself says (INFO), beside what the AWS API says, and one real BullMQ job."
          />
          <EngineEvidence c={c} v={verification} />
          {canVerify ? (
            <VerifyForm
              account={c.ref.accountId}
              region={c.region}
              kind={c.kind}
              id={c.name}
              auth={c.connection.auth}
            />
          ) : (
            <p className="border-t border-slate-100 px-5 py-4 text-[13px] text-slate-600">
              Only an operator can run the check on the engine: it connects to the cluster and runs a BullMQ
              job on it. Ask an operator to verify it.
            </p>
          )}
        </Card>
      ) : null}
      <Card aria-label="Connection snippet">
        <CardHeader
          title="Connect BullMQ"
          description="Made from what the audit read: endpoint, port, TLS, authentication and cluster mode."
        />
        <div className="px-5 py-4">
          {c.connection ? (
            <CopyBlock label="TypeScript · bullmq + ioredis" text={connectionSnippet(c.connection)} />
          ) : (
            <p className="text-[13px] text-slate-600">{noSnippetReason(c)}</p>
          )}
        </div>
      </Card>
    </div>
  );
}
