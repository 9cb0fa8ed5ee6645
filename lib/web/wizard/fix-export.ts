import "server-only";
/**
 * A recorded preview's fix as its owner's code: the owners are read live with the account's read settings
 * (as the preview read them), so the file names the address or logical id the owner uses today.
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import { readOwners } from "@/lib/services/apply/owner-check";
import { openScope } from "@/lib/services/estate/scope-access";
import type { Plan } from "@/lib/core/plan";
import { fixFileName, renderFixAsCode, type IacFormat } from "@/lib/core/plan/iac";
import { wizardSettings } from "./live";

export type FixExport =
  { ok: true; body: string; fileName: string } | { ok: false; status: 404 | 502 | 503; message: string };

export async function fixAsCodeOf(plan: Plan, format: IacFormat): Promise<FixExport> {
  const setup = await wizardSettings(plan.target.accountId, "read");
  if (!setup.ok)
    return {
      ok: false,
      status: "notFound" in setup && setup.notFound ? 404 : 503,
      message: setup.problem.message,
    };
  try {
    const ownerOf = await readOwners(await openScope(setup.settings, plan.region), plan);
    return {
      ok: true,
      body: renderFixAsCode(format, { plan, ownerOf }),
      fileName: fixFileName(plan, format),
    };
  } catch (err) {
    if (err instanceof AwsError) return { ok: false, status: 502, message: err.problem.message };
    throw err;
  }
}
