/**
 * Plan file signatures: HMAC-SHA256 under QUEUEREADY_PLAN_SIGNING_KEY, a secret the plan side (the CLI, the
 * app's "Download plan file") and the apply side share. The content hash alone proves nothing: anyone can
 * recompute it after splicing another plan's targets in; only a holder of the key can make a signature.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import canonicalize from "canonicalize";
import { describeWeakness, secretWeakness } from "@/lib/core/secrets/strength";
import type { PlanFile } from "./format";

export const SIGNING_KEY_VARIABLE = "QUEUEREADY_PLAN_SIGNING_KEY";
/** The explicit opt-out of `npm run apply` for setups without a key; a configured key ignores it. */
export const ALLOW_UNSIGNED_FLAG = "--insecure-allow-unsigned-plan";

const SIGNATURE_PREFIX = "hmac-sha256:";
/** What the HMAC covers before the file's content, so a signature over anything else never fits. */
const DOMAIN = "queueready-plan-file/1\n";
const HOW_TO_MAKE =
  "make one with `openssl rand -base64 32` and give the same value to `npm run plan`, `npm run apply` and the app.";

/** A key that passed the strength check; only made by planSigningKey. */
export interface PlanSigningKey {
  readonly kind: "plan-signing-key";
  readonly bytes: Buffer;
}

/** The configured key, none (`key` undefined), or why the configured one is refused. */
export function planSigningKey(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; key?: PlanSigningKey } | { ok: false; reason: string } {
  const value = env[SIGNING_KEY_VARIABLE];
  if (value === undefined || value.trim() === "") return { ok: true };
  const weakness = secretWeakness(value, { variety: true });
  if (weakness)
    return { ok: false, reason: `${describeWeakness(SIGNING_KEY_VARIABLE, weakness, HOW_TO_MAKE)}` };
  return { ok: true, key: { kind: "plan-signing-key", bytes: Buffer.from(value.trim(), "utf8") } };
}

/** The signed content: everything but `hash` and `signature`, as RFC 8785 canonical JSON. */
function signedContent(file: object): string {
  const rest: Record<string, unknown> = { ...file };
  delete rest.hash;
  delete rest.signature;
  const canonical = canonicalize(rest);
  if (canonical === undefined) throw new Error("The plan file cannot be serialised.");
  return DOMAIN + canonical;
}

function mac(file: object, key: PlanSigningKey): Buffer {
  return createHmac("sha256", key.bytes).update(signedContent(file)).digest();
}

/** `hmac-sha256:<hex>` over the file without its hash and signature. */
export function signatureOf(file: Omit<PlanFile, "hash" | "signature">, key: PlanSigningKey): string {
  return `${SIGNATURE_PREFIX}${mac(file, key).toString("hex")}`;
}

export function signPlanFile(file: PlanFile, key: PlanSigningKey): PlanFile {
  return { ...file, signature: signatureOf(file, key) };
}

/** Whether `signature` is this key's over the raw document, compared in constant time. */
export function signatureMatches(raw: object, signature: string, key: PlanSigningKey): boolean {
  if (!signature.startsWith(SIGNATURE_PREFIX)) return false;
  const given = Buffer.from(signature.slice(SIGNATURE_PREFIX.length), "hex");
  const expected = mac(raw, key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
