/**
 * The one identity of "which cluster": an AWS account and region (the `Scope` every read happens in) plus
 * the kind and id of the target. Routes, locks, runs, previews, history, exports and the CLI all carry a
 * `TargetRef` and key it with `targetKey`, so two accounts with a cluster of the same name never collide.
 */
import { z } from "zod";

/** Where a read happens: one account (as STS GetCallerIdentity names it) in one region. */
export interface Scope {
  /** The 12-digit AWS account id. */
  accountId: string;
  region: string;
}

export const TARGET_KINDS = ["replication-group", "cache-cluster", "serverless", "memorydb-cluster"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
/**
 * The ElastiCache kinds QueueReady can change: serverless caches have no parameter group to fix, and a
 * MemoryDB cluster is changed through its own API (lib/core/plan/steps-memorydb.ts).
 */
export type NodeKind = Exclude<TargetKind, "serverless" | "memorydb-cluster">;

export interface TargetRef extends Scope {
  kind: TargetKind;
  /** Replication group id, cache cluster id, serverless cache name, or MemoryDB cluster name. */
  id: string;
}

/** A target the wizard can plan for. */
export interface NodeTargetRef extends TargetRef {
  kind: NodeKind;
}

/**
 * The one definition of an AWS account id (12 digits) and of a region name (`us-east-1`, `us-gov-west-1`,
 * `us-isob-east-1`). Every place that parses one (URLs, forms, CLI flags, the accounts file, plan files,
 * role ARNs) uses these; a caller may word the mistake its own way.
 */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/** The account id part of a larger pattern (an ARN), without the anchors. */
export const ACCOUNT_ID_SOURCE = ACCOUNT_ID_PATTERN.source.slice(1, -1);

export function isAccountId(value: string): boolean {
  return ACCOUNT_ID_PATTERN.test(value);
}

/** True when `region` is shaped like an AWS region name. */
export function isRegionName(region: string): boolean {
  return REGION_PATTERN.test(region);
}

/** An account id as given (no trimming), with the caller's wording of the mistake. */
export function accountIdString(message = "An AWS account id is 12 digits.") {
  return z.string().regex(ACCOUNT_ID_PATTERN, message);
}

/** A region name as given (no trimming), with the caller's wording of the mistake. */
export function regionString(message = "Choose a region such as us-east-1.") {
  return z.string().regex(REGION_PATTERN, message);
}

/** An account id typed into a form or a URL: surrounding spaces are dropped. */
export const accountIdSchema = z.string().trim().pipe(accountIdString());

/** A region typed into a form or a URL: surrounding spaces are dropped. */
export const regionSchema = z.string().trim().pipe(regionString());

export const scopeSchema = z.object({ accountId: accountIdSchema, region: regionSchema });

export const targetRefSchema = scopeSchema.extend({
  kind: z.enum(TARGET_KINDS),
  id: z.string().trim().min(1, "Required.").max(255),
});

/**
 * A stable, readable key: `123456789012/us-east-1/replication-group/orders`. Ids hold no `/` (AWS names are
 * letters, digits and hyphens), so the key splits back unambiguously; ids are stored lowercase by AWS.
 */
export function targetKey(ref: Pick<TargetRef, "accountId" | "region" | "id"> & { kind: string }): string {
  return `${ref.accountId}/${ref.region}/${ref.kind}/${ref.id}`;
}

/** The key of a scope, the prefix of every target key in it. */
export function scopeKey(scope: Scope): string {
  return `${scope.accountId}/${scope.region}`;
}

/** Just the identity fields of anything that carries them (a view, a plan target...), its kind as narrow as it was. */
export function refOf<K extends TargetRef["kind"]>(ref: TargetRef & { kind: K }): TargetRef & { kind: K } {
  return { accountId: ref.accountId, region: ref.region, kind: ref.kind, id: ref.id };
}

export function sameTarget(a: TargetRef, b: TargetRef): boolean {
  return targetKey(a) === targetKey(b);
}
