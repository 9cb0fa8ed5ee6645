/**
 * The one schema, for the embedded database (PGlite) and a PostgreSQL server alike. Everything about a
 * cluster is keyed by its identity (account_id, region, kind, target_id) so that several accounts and the
 * inventory's TargetRef map onto rows without a migration. `npm run db:generate` turns edits here into a
 * new SQL migration under lib/adapters/db/migrations (applied at start, never edited once committed).
 */
import type { Owner } from "@/lib/core/model/ownership";
import type { ApplyRun, CreatedResource, StepStatus } from "./run-records";
import type { Verification } from "@/lib/core/verify/verification";
import type { AwsProblem } from "@/lib/core/model/resources";
import type { Plan } from "@/lib/core/plan";
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

/**
 * An account as an audit saw it: `problem` kept it out entirely (e.g. its role cannot be assumed);
 * `regionProblems` are reads that failed in a region (the whole region when `failed`), as AWS said them.
 */
export interface AuditedAccount {
  id: string;
  name: string;
  problem?: string;
  regionProblems?: { region: string; failed: boolean; problem: AwsProblem }[];
}

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** One apply: who, on which cluster, the plan it held to, and how it ended. */
export const applyRuns = pgTable(
  "apply_runs",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    region: text("region").notNull(),
    kind: text("kind").notNull(),
    targetId: text("target_id").notNull(),
    userName: text("user_name").notNull(),
    userRole: text("user_role").notNull(),
    /** Where it was started: the wizard or `npm run apply` (null on runs from before: the browser). */
    origin: text("origin").$type<NonNullable<ApplyRun["origin"]>>(),
    status: text("status").$type<ApplyRun["status"]>().notNull(),
    phase: text("phase").$type<ApplyRun["phase"]>().notNull(),
    message: text("message").notNull(),
    startedAt: at("started_at").notNull(),
    /** Moved on by the replica running it; a running run whose heartbeat stops reads as interrupted. */
    heartbeatAt: at("heartbeat_at").notNull(),
    finishedAt: at("finished_at"),
    plan: jsonb("plan").$type<Plan>().notNull(),
    convergence: jsonb("convergence").$type<ApplyRun["convergence"]>(),
    readiness: jsonb("readiness").$type<ApplyRun["readiness"]>(),
    outcome: jsonb("outcome").$type<ApplyRun["outcome"]>(),
    /** The reason an owned resource was changed anyway (null: nothing owned was written). */
    ownerOverride: jsonb("owner_override").$type<NonNullable<ApplyRun["ownerOverride"]>>(),
  },
  (t) => [
    index("apply_runs_started_at_idx").on(t.startedAt),
    index("apply_runs_target_idx").on(t.accountId, t.region, t.kind, t.targetId),
    index("apply_runs_running_idx").on(t.status, t.heartbeatAt),
  ],
);

/** A run's steps in plan order, each with its outcome as it happened. */
export const applySteps = pgTable(
  "apply_steps",
  {
    runId: text("run_id")
      .notNull()
      .references((): AnyPgColumn => applyRuns.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    stepId: text("step_id").notNull(),
    title: text("title").notNull(),
    operation: text("operation").notNull(),
    status: text("status").$type<StepStatus>().notNull(),
    message: text("message"),
    startedAt: at("started_at"),
    finishedAt: at("finished_at"),
  },
  (t) => [primaryKey({ columns: [t.runId, t.position] })],
);

/** What a run created in AWS (the history's undo list), and who removed it since. */
export const createdResources = pgTable(
  "created_resources",
  {
    runId: text("run_id")
      .notNull()
      .references((): AnyPgColumn => applyRuns.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    type: text("type").$type<CreatedResource["type"]>().notNull(),
    region: text("region").notNull(),
    resource: jsonb("resource").$type<CreatedResource>().notNull(),
    createdAt: at("created_at").notNull(),
    removedAt: at("removed_at"),
    removedBy: text("removed_by"),
  },
  (t) => [primaryKey({ columns: [t.runId, t.position] })],
);

/** The last engine verification of each target (a verification never holds the AUTH token). */
export const verifications = pgTable(
  "verifications",
  {
    accountId: text("account_id").notNull(),
    region: text("region").notNull(),
    kind: text("kind").notNull(),
    targetId: text("target_id").notNull(),
    verification: jsonb("verification").$type<Verification>().notNull(),
    savedAt: at("saved_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.region, t.kind, t.targetId] })],
);

/** A binding preview: apply holds the operator to exactly this plan until it expires. */
export const previews = pgTable(
  "previews",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    region: text("region").notNull(),
    kind: text("kind").notNull(),
    targetId: text("target_id").notNull(),
    userName: text("user_name"),
    userRole: text("user_role"),
    plan: jsonb("plan").$type<Plan>().notNull(),
    createdAt: at("created_at").notNull(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [
    index("previews_expires_at_idx").on(t.expiresAt),
    index("previews_user_created_idx").on(t.userName, t.createdAt),
  ],
);

/** Named leases (one apply per cluster, one scheduler per interval): free once `expires_at` passed. */
export const leases = pgTable("leases", {
  name: text("name").primaryKey(),
  owner: text("owner").notNull(),
  holder: text("holder").notNull(),
  acquiredAt: at("acquired_at").notNull(),
  renewedAt: at("renewed_at").notNull(),
  expiresAt: at("expires_at").notNull(),
});

/** Facts about the database itself, e.g. that the old JSON files were imported. */
export const meta = pgTable("meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: at("updated_at").notNull(),
});

/**
 * One audit of every configured account and region. `slot` is the start of its schedule interval and
 * unique, so however many replicas try, one claims each interval (a manual refresh gets its own slot).
 */
export const auditRuns = pgTable(
  "audit_runs",
  {
    id: text("id").primaryKey(),
    slot: text("slot").notNull().unique(),
    startedBy: text("started_by").notNull(),
    startedAt: at("started_at").notNull(),
    /** The running replica's last sign of life; an unfinished run without a recent one is taken over. */
    heartbeatAt: at("heartbeat_at"),
    finishedAt: at("finished_at"),
    durationMs: integer("duration_ms"),
    /** AWS errors met during the audit, by operation (e.g. {"DescribeSecurityGroups": 2}). */
    awsErrors: jsonb("aws_errors").$type<Record<string, number>>(),
    /** Account-regions that could not be read at all, with the reason shown to people. */
    failedRegions: jsonb("failed_regions").$type<{ accountId?: string; region: string; message: string }[]>(),
    /** Every account the audit covered, with the problem that kept it out when it could not be reached. */
    accounts: jsonb("accounts").$type<AuditedAccount[]>(),
  },
  (t) => [index("audit_runs_finished_at_idx").on(t.finishedAt)],
);

/**
 * One row counting the writes to target_states (audits, one-target re-reads): a reader that keeps what it
 * read of them under this number knows it is still current while the number has not moved.
 */
export const statusVersion = pgTable("status_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
});

/** Each target's verdict and findings in one audit: the latest audit's rows feed the status and metrics. */
export const targetVerdicts = pgTable(
  "target_verdicts",
  {
    auditId: text("audit_id")
      .notNull()
      .references((): AnyPgColumn => auditRuns.id, { onDelete: "cascade" }),
    accountId: text("account_id").notNull(),
    region: text("region").notNull(),
    kind: text("kind").notNull(),
    targetId: text("target_id").notNull(),
    verdict: text("verdict").notNull(),
    findings: jsonb("findings").$type<{ ruleId: string; severity: string; title: string }[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.auditId, t.accountId, t.region, t.kind, t.targetId] })],
);

/** Signed-out sessions, refused until their token would have expired anyway (then deleted). */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sid: text("sid").primaryKey(),
    until: at("until").notNull(),
  },
  (t) => [index("revoked_sessions_until_idx").on(t.until)],
);

/**
 * Failed sign-ins, one row each, shared by every replica and kept across restarts. `key` is the window
 * they count in: `a|<user>|<address>` (one address) or `u|<user>` (every address). Rows older than the
 * window are deleted as new ones come.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    key: text("key").notNull(),
    at: at("at").notNull(),
  },
  (t) => [index("sign_in_failures_key_at_idx").on(t.key, t.at)],
);

/** Addresses a user signed in from (their usual ones): held only to the per-address limit. */
export const signInUsualAddresses = pgTable(
  "sign_in_usual_addresses",
  {
    username: text("username").notNull(),
    address: text("address").notNull(),
    lastSuccessAt: at("last_success_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.username, t.address] })],
);

/**
 * What happened to a target between audits, the timeline's rows. `event` is `first-seen` (a new target
 * that is ready), `new` (a new target that is not ready), `regressed` (was ready, now is not), `resolved`
 * (was not ready, now is) or `changed` (same verdict, different findings). Unknown is no verdict: a target
 * going Unknown records nothing, so a read error never raises or clears an alert. The cause comes from
 * ElastiCache DescribeEvents in the window (`since`, `at`], looked up once after the event is written.
 */
export const targetEvents = pgTable(
  "target_events",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    region: text("region").notNull(),
    kind: text("kind").notNull(),
    targetId: text("target_id").notNull(),
    auditId: text("audit_id"),
    event: text("event").$type<"first-seen" | "new" | "regressed" | "resolved" | "changed">().notNull(),
    verdictBefore: text("verdict_before"),
    verdictAfter: text("verdict_after").notNull(),
    /** The findings after the change (non-passing), and the rule ids whose result changed. */
    findings: jsonb("findings").$type<{ ruleId: string; severity: string; title: string }[]>().notNull(),
    changedRules: jsonb("changed_rules").$type<string[]>().notNull(),
    /** When the change was seen, and when the target was last seen as before (start of the cause window). */
    at: at("at").notNull(),
    since: at("since"),
    cause: jsonb("cause").$type<{ at: string; sourceType: string; sourceId: string; message: string }[]>(),
    causeCheckedAt: at("cause_checked_at"),
  },
  (t) => [
    index("target_events_at_idx").on(t.at),
    index("target_events_target_idx").on(t.accountId, t.region, t.kind, t.targetId, t.at),
  ],
);

/**
 * One delivery of one event to one channel (`webhook`, `slack`). The primary key makes "exactly once per
 * transition across replicas" a constraint: replicas insert the rows they find missing, then claim due
 * ones with a lease (`claimedUntil`) so one sender holds each; a failure moves `nextAttemptAt` back off.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    eventId: text("event_id")
      .notNull()
      .references((): AnyPgColumn => targetEvents.id, { onDelete: "cascade" }),
    channel: text("channel").$type<"webhook" | "slack">().notNull(),
    status: text("status").$type<"pending" | "sent" | "failed">().notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull(),
    claimedBy: text("claimed_by"),
    claimedUntil: at("claimed_until"),
    lastError: text("last_error"),
    sentAt: at("sent_at"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.channel] }),
    index("notification_deliveries_due_idx").on(t.status, t.nextAttemptAt),
  ],
);

/**
 * The latest known state of each target, what a status row shows: upserted when an audit finishes (and
 * after an apply, undo or verify re-reads one target), so the status page pages and filters it in SQL
 * instead of holding the whole estate. A row whose account-region failed to read keeps its last verdict
 * with `staleReason` set; a target gone from a fully read account-region is deleted.
 */
export const targetStates = pgTable(
  "target_states",
  {
    accountId: text("account_id").notNull(),
    region: text("region").notNull(),
    kind: text("kind").notNull(),
    targetId: text("target_id").notNull(),
    accountName: text("account_name").notNull(),
    verdict: text("verdict").notNull(),
    /** 0 = most urgent (needs changes) .. 4 (not applicable): the default sort, in an index. */
    urgency: integer("urgency").notNull(),
    engine: text("engine"),
    engineVersion: text("engine_version"),
    status: text("status").notNull(),
    topology: text("topology").notNull(),
    vpcId: text("vpc_id"),
    vpcName: text("vpc_name"),
    port: integer("port"),
    parameterGroup: text("parameter_group"),
    policy: text("policy"),
    findings: jsonb("findings").$type<{ ruleId: string; severity: string; title: string }[]>().notNull(),
    /** fails and unknowns × 100 + warnings: the "most findings first" sort. */
    weight: integer("weight").notNull(),
    /** Lower-cased name, VPC, group, policy and engine: what the search box matches. */
    search: text("search").notNull(),
    auditId: text("audit_id"),
    auditedAt: at("audited_at").notNull(),
    firstSeenAt: at("first_seen_at").notNull(),
    staleReason: text("stale_reason"),
    /** Who owns the target (a CloudFormation stack, a Terraform address, or unknown with why); null: nobody. */
    owner: jsonb("owner").$type<Owner>(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.region, t.kind, t.targetId] }),
    index("target_states_order_idx").on(t.accountName, t.accountId, t.urgency, t.targetId),
    index("target_states_verdict_idx").on(t.verdict),
    index("target_states_region_idx").on(t.region),
    index("target_states_kind_idx").on(t.kind),
  ],
);

/**
 * Plans submitted for a second person's approval, by the content hash of their plan file: the exact bytes
 * are kept so the approval page shows what is approved and an apply can compare what it is given. A
 * status moves once, from pending to approved or rejected (the update is guarded on `status = 'pending'`).
 */
export const planApprovals = pgTable(
  "plan_approvals",
  {
    id: text("id").primaryKey(),
    planHash: text("plan_hash").notNull().unique(),
    planText: text("plan_text").notNull(),
    accountIds: jsonb("account_ids").$type<string[]>().notNull(),
    targets: jsonb("targets").$type<string[]>().notNull(),
    changeRef: text("change_ref"),
    submittedBy: text("submitted_by").notNull(),
    submittedVia: text("submitted_via").$type<"cli" | "browser">().notNull(),
    submittedAt: at("submitted_at").notNull(),
    status: text("status").$type<"pending" | "approved" | "rejected">().notNull(),
    decidedBy: text("decided_by"),
    decidedAt: at("decided_at"),
    comment: text("comment"),
  },
  (t) => [index("plan_approvals_status_idx").on(t.status, t.submittedAt)],
);

/**
 * The audit trail: who did what to which plan, with the AWS request id of every write, for a security
 * team's SIEM. Append-only: no code updates or deletes a row, and a trigger (migration 0007) refuses it.
 */
export const auditTrail = pgTable(
  "audit_trail",
  {
    seq: integer("seq").primaryKey().generatedAlwaysAsIdentity(),
    at: at("at").notNull(),
    event: text("event")
      .$type<
        "submitted" | "approved" | "rejected" | "expired" | "applied" | "overridden" | "reverted" | "undone"
      >()
      .notNull(),
    actor: text("actor").notNull(),
    actorRole: text("actor_role"),
    approvalId: text("approval_id"),
    planHash: text("plan_hash"),
    targets: jsonb("targets").$type<string[]>().notNull(),
    changeRef: text("change_ref"),
    runId: text("run_id"),
    /** The AWS request id of each write the event made, with its operation. */
    requestIds: jsonb("request_ids").$type<{ operation: string; requestId: string }[]>().notNull(),
    detail: text("detail"),
  },
  (t) => [index("audit_trail_at_idx").on(t.at)],
);
