/**
 * `QUEUEREADY_ACCOUNTS_FILE`: which AWS accounts QueueReady audits and how it reaches each. Either an
 * explicit list (CloudQuery's `accounts`) or the organization (Prowler's loop over ListAccounts); no file is
 * today's single account. Validated with zod; a mistake is reported with its line and the reason, so
 * `npm start` can refuse to run on it instead of showing an empty estate later.
 */
import fs from "node:fs";
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { z } from "zod";
import { ACCOUNT_ID_SOURCE, accountIdString, regionString } from "@/lib/core/identity/identity";
import { snsTopicArnSchema } from "@/lib/core/plan/choices";

const accountId = accountIdString("must be a 12-digit AWS account id");
const roleArn = z
  .string()
  .regex(
    new RegExp(`^arn:aws[a-z-]*:iam::${ACCOUNT_ID_SOURCE}:role\\/[\\w+=,.@/-]{1,512}$`),
    "must be an IAM role ARN (arn:aws:iam::<account id>:role/<name>)",
  );
const roleName = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, "must be an IAM role name (1-64 of letters, digits and +=,.@_-)");
const externalId = z
  .string()
  .regex(/^[\w+=,.@:/-]{2,1224}$/, "must be 2-1224 characters of letters, digits and +=,.@:/_-");
const regions = z
  .array(regionString("is not an AWS region name (expected something like us-east-1)"))
  .min(1, "must list at least one region");

const explicitAccount = z
  .object({
    id: accountId,
    name: z.string().trim().min(1).max(64).optional(),
    /** The role to read with; absent = the base credentials, which must then belong to this account. */
    roleArn: roleArn.optional(),
    /** The role to apply changes with; absent = the read role (or the base credentials). */
    applyRoleArn: roleArn.optional(),
    externalId: externalId.optional(),
    regions: regions.optional(),
    /** Every apply in this account needs a second operator's approval (docs/approvals.md). */
    requireApproval: z.boolean().optional(),
    /** The SNS topic the memory alarms QueueReady puts in this account notify (docs/memory-alarm.md). */
    alarmTopicArn: snsTopicArnSchema.optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    for (const key of ["roleArn", "applyRoleArn"] as const) {
      const arn = a[key];
      if (arn && arn.split(":")[4] !== a.id)
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `names account ${arn.split(":")[4]}, not ${a.id}`,
        });
    }
  });

const organization = z
  .object({
    memberRoleName: roleName.default("OrganizationAccountAccessRole"),
    /** A separate role for applying changes in members; absent = the member role. */
    applyRoleName: roleName.optional(),
    externalId: externalId.optional(),
    regions: regions.optional(),
    exclude: z.array(accountId).default([]),
    /** Every apply in every member account needs a second operator's approval. */
    requireApproval: z.boolean().optional(),
  })
  .strict();

const concurrency = z.number().int().min(1).max(64);

export const accountsFileSchema = z.union([
  z
    .object({
      accounts: z.array(explicitAccount).min(1, "must list at least one account"),
      concurrency: concurrency.optional(),
    })
    .strict(),
  z.object({ organization, concurrency: concurrency.optional() }).strict(),
]);

export type AccountsConfig = z.infer<typeof accountsFileSchema>;
export type ExplicitAccount = z.infer<typeof explicitAccount>;

/** A file that cannot be used, with where and why; `message` is the sentence to print. */
export class AccountsConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = "AccountsConfigError";
  }
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/** Parses and validates the file's text; throws an AccountsConfigError naming the line. */
export function parseAccountsConfig(text: string, file: string): AccountsConfig {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const syntax = errors[0];
  if (syntax)
    throw new AccountsConfigError(
      file,
      lineAt(text, syntax.offset),
      `invalid JSON (${printParseErrorCode(syntax.error)})`,
    );
  if (!tree) throw new AccountsConfigError(file, 1, "the file is empty");
  const input: unknown = JSON.parse(text);
  const parsed = accountsFileSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = pickIssue(parsed.error.issues, input);
  // Point at the deepest node that exists on the issue's path (a missing key: its parent object).
  let path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  let node = findNodeAtLocation(tree, path);
  while (!node && path.length > 0) {
    path = path.slice(0, -1);
    node = findNodeAtLocation(tree, path);
  }
  const where = issue.path.length > 0 ? `${issue.path.join(".")} ` : "";
  throw new AccountsConfigError(file, lineAt(text, node?.offset ?? 0), `${where}${issue.message}`);
}

/** A union reports "invalid input" at the top; the branch the file was going for explains better. */
function pickIssue(issues: z.core.$ZodIssue[], input: unknown): z.core.$ZodIssue {
  const first = issues[0]!;
  if (first.code !== "invalid_union") return first;
  const keys = typeof input === "object" && input !== null ? Object.keys(input) : [];
  const branch = keys.includes("organization") ? 1 : keys.includes("accounts") ? 0 : -1;
  const chosen = first.errors[branch];
  if (!chosen?.[0])
    return { ...first, path: [], message: 'must hold "accounts": [...] or "organization": {...}' };
  return chosen[0];
}

/** The configuration named by QUEUEREADY_ACCOUNTS_FILE, or undefined (today's single account). */
export function accountsConfigFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): AccountsConfig | undefined {
  const file = env.QUEUEREADY_ACCOUNTS_FILE?.trim();
  if (!file) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AccountsConfigError(
      file,
      0,
      `QUEUEREADY_ACCOUNTS_FILE cannot be read (${code ?? String(err)})`,
    );
  }
  return parseAccountsConfig(text, file);
}
