/**
 * Arguments of `npm run verify`: strict (an unknown flag is a mistake) and validated with zod.
 */
import { z } from "zod";
import { parseFlags } from "./parse-flags";
import { accountIdString, regionString } from "@/lib/core/identity/identity";

export const VERIFY_USAGE = `Usage: npm run -s verify -- --region REGION --cluster ID [--account ACCOUNT] [--json] [--demo]

Connects to the cluster's engine with the settings of QueueReady's connection snippet, reads INFO, compares it
with the parameter group, and runs one BullMQ job (removed afterwards).
  --region REGION   the cluster's region
  --cluster ID      replication group or cache cluster id
  --account ACCOUNT the AWS account id (shown in the result)
  --json            print { target, engine, version, maxmemoryPolicy, clusterEnabled, smokeJob } as JSON
  --demo            the running demo's sandbox and engines (started with npm run demo)
AUTH token: QUEUEREADY_AUTH_TOKEN, else asked for on the terminal (never stored, never printed); for an
RBAC user group also QUEUEREADY_REDIS_USERNAME (the token is then that user's password).
Routes: QUEUEREADY_ENGINE_ROUTES (JSON "host:port" -> "host:port") when the endpoint is not reachable directly.
Exit codes: 0 noeviction and the job ran, 1 reachable but either failed, 2 unreachable or an error.`;

const verifyArgsSchema = z
  .object({
    region: regionString("--region is not an AWS region name (e.g. us-east-1)"),
    cluster: z.string().trim().min(1, "--cluster is required").max(255),
    account: accountIdString("--account is a 12-digit AWS account id").optional(),
    json: z.boolean(),
    demo: z.boolean(),
    help: z.boolean(),
  })
  .strict();

export type VerifyArgs = z.infer<typeof verifyArgsSchema>;

export function parseVerifyArgs(
  argv: string[],
): { ok: true; args: VerifyArgs } | { ok: false; message: string } {
  const flags = parseFlags(argv, {
    region: { type: "string" },
    cluster: { type: "string" },
    account: { type: "string" },
    json: { type: "boolean" },
    demo: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (!flags.ok) return flags;
  const { values } = flags;
  if (values.help)
    return { ok: true, args: { region: "", cluster: "", json: false, demo: false, help: true } };
  const parsed = verifyArgsSchema.safeParse({
    region: values.region ?? "",
    cluster: values.cluster ?? "",
    account: values.account,
    json: values.json ?? false,
    demo: values.demo ?? false,
    help: false,
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  return { ok: true, args: parsed.data };
}
