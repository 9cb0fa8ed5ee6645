"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, success } from "@/lib/web/actions/action-result";
import { validatedAction } from "@/lib/web/actions/validated-action";
import { accountSettings } from "@/lib/services/estate";
import { accountIdSchema, regionString } from "@/lib/core/identity/identity";
import { detailHref } from "@/lib/core/identity/links";
import { refreshStoredTargetLater } from "@/lib/services/audit/refresh-target";
import { saveVerification } from "@/lib/adapters/db/verifications";
import { defaultDatabase } from "@/lib/adapters/db";
import type { Verification } from "@/lib/core/verify/verification";
import { verifyTarget } from "@/lib/services/verify/verify-target";

const verifyFormSchema = z.object({
  account: accountIdSchema,
  region: regionString("Not a region name."),
  kind: z.enum(["replication-group", "cache-cluster"]),
  id: z.string().trim().min(1).max(255),
  // Used for this one check, never stored or logged; empty means "none given".
  token: z.string().max(512).optional(),
  username: z.string().max(128).optional(),
});

/**
 * Verify one cluster on its engine (operators: it writes a short-lived BullMQ queue to the cluster). The
 * result, which never holds the token, becomes the target's last verification.
 */
export const verifyTargetAction = validatedAction(verifyFormSchema, "operator", async (input) => {
  // Only configured accounts and regions: a form must not make the app probe arbitrary ones. The check
  // reads AWS only (its writes go to the engine), so the account's read settings serve.
  const read = await accountSettings(input.account, "read");
  if (!read.ok)
    return failure(
      read.notFound ? "not-found" : read.problem.code,
      read.notFound ? read.message : read.problem.message,
    );
  if (!read.settings.regions.includes(input.region))
    return failure("invalid-input", `${input.region} is not one of the configured regions.`);
  const result = await verifyTarget(read.settings, {
    accountId: input.account,
    region: input.region,
    kind: input.kind,
    id: input.id,
    token: input.token || undefined,
    username: input.username || undefined,
  });
  if (!result.ok) return failure("conflict", result.message);
  await saveVerification((await defaultDatabase()).db, result.verification);
  // The status page's stored row follows the cluster as it is now.
  await refreshStoredTargetLater({
    accountId: input.account,
    region: input.region,
    kind: input.kind,
    id: input.id,
  });
  revalidatePath(detailHref({ accountId: input.account, ...input }));
  return success<Verification>(result.verification);
});
