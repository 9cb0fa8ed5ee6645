/**
 * The plan file's content hash: sha256 over the RFC 8785 canonical JSON of the file without its `hash`,
 * so reformatting the file keeps it valid while any change of a value, step or fact does not.
 */
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import type { PlanFile } from "./format";

export function contentHash(file: Omit<PlanFile, "hash" | "signature"> & { hash?: string }): string {
  const rest: Record<string, unknown> = { ...file };
  delete rest.hash;
  delete rest.signature;
  const canonical = canonicalize(rest);
  if (canonical === undefined) throw new Error("The plan file cannot be serialised.");
  return `sha256:${createHash("sha256").update(canonical).digest("hex")}`;
}

/** The file with its content hash and without a signature: sign it after (signPlanFile). */
export function withHash(file: Omit<PlanFile, "hash" | "signature"> & { signature?: string }): PlanFile {
  const rest = { ...file };
  delete rest.signature;
  return { ...rest, hash: contentHash(rest) };
}
