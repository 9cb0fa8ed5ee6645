"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, success } from "@/lib/web/actions/action-result";
import { validatedAction } from "@/lib/web/actions/validated-action";
import { readAwsSettings } from "@/lib/adapters/aws/settings";
import { defaultDatabase } from "@/lib/adapters/db";
import { startRefresh } from "@/lib/services/audit/refresh-audit";

/**
 * Refresh: audits every account and region now and stores the result (viewers and up: it only reads
 * AWS). One runs at a time across replicas; while one runs, or while the last one is younger than the
 * minimum age, another is refused with a sentence saying why and when.
 */
export const refreshAuditAction = validatedAction(z.object({}), "viewer", async (_input, user) => {
  const read = readAwsSettings(process.env);
  if (!read.ok) return failure(read.problem.code, read.problem.message);
  const { db } = await defaultDatabase();
  const outcome = await startRefresh(db, read.settings, process.env, user.name);
  if (!outcome.started) return failure("conflict", outcome.message);
  try {
    await outcome.done;
  } catch (err) {
    console.error(`A refresh audit failed: ${err instanceof Error ? err.message : String(err)}`);
    return failure("conflict", "The audit could not finish; the page still shows the previous one.");
  }
  revalidatePath("/status");
  return success({ message: "Audited just now." });
});
