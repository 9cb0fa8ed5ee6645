/**
 * The audit work a worker thread does (lib/launch/audit-worker.ts runs it): one account-region of the
 * estate audit, or the focused re-read of one target after an apply. Tasks and answers cross the thread
 * boundary by structured clone, so they hold plain data only: the base settings without a credential
 * provider (the worker builds its own from the estate) and the environment the estate is read from.
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { AwsProblem } from "@/lib/core/model/resources";
import type { TargetRef } from "@/lib/core/identity/identity";
import { accountSettings, getEstate } from "@/lib/services/estate/estate";
import { auditLiveRegion } from "@/lib/services/audit/audit-regions";
import { readAuditedTarget } from "@/lib/services/audit/audited-target";
import type { AuditedTarget } from "@/lib/services/audit/store-target";
import { storedRegionOf, type StoredRegion } from "@/lib/services/audit/stored-state";

type Env = Record<string, string | undefined>;

interface TaskBase {
  /** QueueReady's own settings (from the environment): plain data, never a credential provider. */
  base: AwsSettings;
  env: Env;
}

export type AuditTask =
  | (TaskBase & {
      kind: "region";
      accountId: string;
      /** The account's name as the audit listed it, on each of its rows. */
      accountName: string;
      region: string;
      /** Which listing of the estate this audit made: a new one makes the worker list the estate afresh too. */
      listing: string;
    })
  | (TaskBase & { kind: "target"; ref: TargetRef });

export type AuditTaskResult<T extends AuditTask> = T extends { kind: "region" }
  ? StoredRegion
  : AuditedTarget;

/** A failure as it crosses back: a person's sentence, and the AWS problem when it was one. */
export interface TaskFailure {
  message: string;
  problem?: AwsProblem;
}

let listed: { listing: string; done: Promise<unknown> } | undefined;

/** Lists the estate again once per audit, so this worker knows every account the audit itself listed. */
function listOnce(task: Extract<AuditTask, { kind: "region" }>): Promise<unknown> {
  if (listed?.listing !== task.listing)
    listed = {
      listing: task.listing,
      done: getEstate({ settings: task.base, env: task.env }, { fresh: true }),
    };
  return listed.done;
}

async function readSettings(task: AuditTask, accountId: string): Promise<AwsSettings> {
  const found = await accountSettings(accountId, "read", { settings: task.base, env: task.env });
  if (found.ok) return found.settings;
  throw new AwsError(
    found.notFound ? { code: "unknown", message: found.message, retryable: false } : found.problem,
  );
}

async function auditAccountRegion(task: Extract<AuditTask, { kind: "region" }>): Promise<StoredRegion> {
  await listOnce(task);
  let settings: AwsSettings;
  try {
    settings = await readSettings(task, task.accountId);
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    return { region: task.region, targets: [], problems: [err.problem], failed: err.problem };
  }
  return storedRegionOf(await auditLiveRegion(settings, task.region), task.accountName);
}

async function readTarget(task: Extract<AuditTask, { kind: "target" }>): Promise<AuditedTarget> {
  return readAuditedTarget(await readSettings(task, task.ref.accountId), task.ref);
}

/** Runs one task; an AWS failure that is not part of the answer comes back as its problem. */
export async function runAuditTask(task: AuditTask): Promise<StoredRegion | AuditedTarget> {
  return task.kind === "region" ? auditAccountRegion(task) : readTarget(task);
}

export function taskFailureOf(err: unknown): TaskFailure {
  if (err instanceof AwsError) return { message: err.problem.message, problem: err.problem };
  return { message: err instanceof Error ? err.message : String(err) };
}

/** The failure as the caller's error: an AwsError again when it was one, so callers handle it as before. */
export function errorOf(failure: TaskFailure): Error {
  return failure.problem ? new AwsError(failure.problem) : new Error(failure.message);
}
