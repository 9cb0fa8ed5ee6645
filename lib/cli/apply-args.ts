/** Arguments of `npm run apply`, parsed strictly and validated with zod (a typo exits 2 with the usage). */
import { z } from "zod";
import { parseFlags } from "./parse-flags";
import { overrideReasonSchema } from "@/lib/core/plan/owned-writes";
import { ALLOW_UNSIGNED_FLAG, DEFAULT_MAX_AGE_MS, SIGNING_KEY_VARIABLE } from "@/lib/core/plan-file";

export const APPLY_USAGE = `Usage: npm run -s apply -- PLAN_FILE [--yes] [--stop-on-refusal] [--as NAME] [--max-age 24h] [--demo] [--override-owner REASON]

Applies exactly the plan in PLAN_FILE (made by \`npm run plan -- --out\` or the browser's "Download plan file").
Each target is re-read first and refused when its live state moved since the plan; the others go on.
  --yes               apply without asking (required when stdin is not a terminal, e.g. in CI)
  --stop-on-refusal   stop at the first refused target instead of going on with the others
  --as NAME           the operator recorded in the history (default: the OS user)
  --demo              apply against the running demo (npm run demo): its sandbox, accounts and history
  --max-age DURATION  refuse a plan older than this: 90m, 24h, 2d (default 24h, or QUEUEREADY_PLAN_MAX_AGE)
  ${ALLOW_UNSIGNED_FLAG}
                      apply an UNSIGNED file when ${SIGNING_KEY_VARIABLE} is not set (anyone who can
                      write the file decides what is applied); ignored when the key is set
  --override-owner REASON
                      apply even where a step changes a resource a CloudFormation stack or Terraform owns
                      (refused by default, before anything is applied: the owner's next deploy reverts it);
                      the reason (10 characters or more) is kept in the history and sent with the alerts
The file must be signed with ${SIGNING_KEY_VARIABLE}, the key \`npm run plan\` and the app signed it with.
Exit codes: 0 every target ended Ready, 1 a target was refused, failed or did not end Ready, 2 error.`;

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90m`, `24h`, `2d`, `3600s` → milliseconds. */
export const durationSchema = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?[smhd]$/, "is not a duration such as 90m, 24h or 2d")
  .transform((v) => Number(v.slice(0, -1)) * UNITS[v.slice(-1)]!)
  .refine((ms) => ms > 0, "must be more than zero");

const applyArgsSchema = z
  .object({
    file: z.string().min(1, "name the plan file to apply"),
    yes: z.boolean(),
    stopOnRefusal: z.boolean(),
    as: z.string().trim().min(1).max(200).optional(),
    maxAgeMs: durationSchema.optional(),
    allowUnsigned: z.boolean(),
    overrideOwner: overrideReasonSchema.optional(),
    help: z.boolean(),
    demo: z.boolean(),
  })
  .strict();

export type ApplyArgs = z.infer<typeof applyArgsSchema> & { maxAgeMs: number };

export function parseApplyArgs(
  argv: string[],
  env: Record<string, string | undefined> = {},
): { ok: true; args: ApplyArgs } | { ok: false; message: string } {
  const flags = parseFlags(
    argv,
    {
      yes: { type: "boolean", short: "y" },
      "stop-on-refusal": { type: "boolean" },
      as: { type: "string" },
      "max-age": { type: "string" },
      "insecure-allow-unsigned-plan": { type: "boolean" },
      "override-owner": { type: "string" },
      help: { type: "boolean", short: "h" },
      demo: { type: "boolean" },
    },
    { positionals: true },
  );
  if (!flags.ok) return flags;
  const { values, positionals } = flags;
  const help = values.help ?? false;
  if (!help && positionals.length !== 1)
    return { ok: false, message: "Name exactly one plan file to apply." };
  const parsed = applyArgsSchema.safeParse({
    file: positionals[0] ?? (help ? "-" : ""),
    yes: values.yes ?? false,
    stopOnRefusal: values["stop-on-refusal"] ?? false,
    as: values.as,
    maxAgeMs: values["max-age"] ?? env.QUEUEREADY_PLAN_MAX_AGE,
    allowUnsigned: values["insecure-allow-unsigned-plan"] ?? false,
    overrideOwner: values["override-owner"],
    help,
    demo: values.demo ?? false,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field =
      issue.path[0] === "maxAgeMs"
        ? "--max-age"
        : issue.path[0] === "overrideOwner"
          ? "--override-owner"
          : String(issue.path[0]);
    return { ok: false, message: `${field} ${issue.message}` };
  }
  return { ok: true, args: { ...parsed.data, maxAgeMs: parsed.data.maxAgeMs ?? DEFAULT_MAX_AGE_MS } };
}
