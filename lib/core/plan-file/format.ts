/**
 * The plan file: what `npm run plan -- --out` writes, the browser's "Download plan file" serves and
 * `npm run apply` reads. Per target it holds exactly the web preview's JSON export (steps, choices,
 * fingerprint and facts of the live state, account and region, the role each call runs as with its IAM
 * actions); beside them who made it, when, what was
 * left out and why, and a content hash. It never holds credentials: plans carry none.
 */
import { z } from "zod";
import { accountIdSchema, regionSchema, TARGET_KINDS } from "@/lib/core/identity/identity";
import { PLAN_JSON_FORMAT, planSchema, STEP_KINDS, STEP_SERVICES, type PlanExport } from "@/lib/core/plan";

export const PLAN_FILE_FORMAT = "queueready-plan-file";

/** A target the plan looked at but holds no steps for, and why. */
export interface NotPlanned {
  accountId: string;
  region: string;
  kind: (typeof TARGET_KINDS)[number];
  id: string;
  status: "up-to-date" | "blocked" | "not-fixable";
  reason: string;
}

export interface PlanFile {
  format: typeof PLAN_FILE_FORMAT;
  version: 1;
  createdAt: string;
  createdBy: { name: string; via: "cli" | "browser" };
  /** The accounts and regions the plan covers (its targets carry their own account and region). */
  accountIds: string[];
  regions: string[];
  /** One web-preview export per target with changes, in apply order. */
  targets: PlanExport[];
  notPlanned: NotPlanned[];
  /**
   * `sha256:<hex>` of the canonical JSON (RFC 8785) of everything else: an accidental edit breaks it. Anyone
   * can recompute it, so it proves nothing about who made the file: `signature` does.
   */
  hash: string;
  /** `hmac-sha256:<hex>` under QUEUEREADY_PLAN_SIGNING_KEY (signing.ts); absent in an unsigned file. */
  signature?: string;
}

/** Targets one file may hold (about 13 kB each, within the reader's 5 MB); plan a larger fleet in parts. */
export const MAX_TARGETS = 300;
/** Targets plus those left out, accounts and regions: bounds what a file may list. */
const MAX_LISTED = 10_000;

const name = z.string().trim().min(1).max(200);

const awsCallSchema = z
  .object({
    stepId: z.enum(STEP_KINDS),
    service: z.enum(STEP_SERVICES),
    operation: z.string().max(100),
    sent: z.boolean(),
    params: z.record(z.string(), z.json()),
    // Files made before the role was recorded have no `iam`: they still read and apply.
    iam: z
      .object({ runsAs: z.string().min(1).max(2048), actions: z.array(z.string().max(200)).max(20) })
      .strict()
      .optional(),
  })
  .strict();

const planExportSchema = z
  .object({
    format: z.literal(PLAN_JSON_FORMAT),
    version: z.literal(2),
    plan: planSchema,
    awsCalls: z.array(awsCallSchema),
  })
  .strict()
  .refine(({ plan }) => sameTarget(plan), {
    message: "the plan's choices name another target than the plan itself",
  });

function sameTarget(plan: PlanExport["plan"]): boolean {
  const { target, choices } = plan;
  return (
    plan.region === target.region &&
    choices.target.region === target.region &&
    choices.target.kind === target.kind &&
    choices.target.id === target.id &&
    (choices.target.accountId ?? target.accountId) === target.accountId
  );
}

export const planFileSchema = z
  .object({
    format: z.literal(PLAN_FILE_FORMAT),
    version: z.literal(1),
    createdAt: z.iso.datetime(),
    createdBy: z.object({ name, via: z.enum(["cli", "browser"]) }).strict(),
    accountIds: z.array(accountIdSchema).max(MAX_LISTED),
    regions: z.array(regionSchema).max(MAX_LISTED),
    targets: z.array(planExportSchema).max(MAX_TARGETS, `holds more than ${MAX_TARGETS} targets`),
    notPlanned: z
      .array(
        z
          .object({
            accountId: accountIdSchema,
            region: regionSchema,
            kind: z.enum(TARGET_KINDS),
            id: name,
            status: z.enum(["up-to-date", "blocked", "not-fixable"]),
            reason: z.string().max(2000),
          })
          .strict(),
      )
      .max(MAX_LISTED),
    hash: z.string().regex(/^sha256:[0-9a-f]{64}$/, "is not sha256:<64 hex digits>"),
    signature: z
      .string()
      .regex(/^hmac-sha256:[0-9a-f]{64}$/, "is not hmac-sha256:<64 hex digits>")
      .optional(),
  })
  .strict();
