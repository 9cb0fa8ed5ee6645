import "server-only";
import { notFound, redirect } from "next/navigation";
import { requireRole } from "@/lib/web/auth/require-role";
import type { SessionUser } from "@/lib/web/auth/roles";
import { wizardSettings, type SettingsResult } from "./live";
import { readParams, type WizardParams } from "./params";
import { redirectFor, type StepSlug } from "./steps";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export interface StepInput {
  user: SessionUser;
  params: WizardParams;
  setup: SettingsResult;
}

/**
 * What every step page starts with: a signed-in user, the wizard's parameters from the URL, and the AWS
 * settings. A deep link into a step whose earlier answers are missing goes back to the first gap.
 */
export async function loadStep(step: StepSlug, searchParams: SearchParams): Promise<StepInput> {
  const user = await requireRole("viewer");
  const asked = readParams(await searchParams);
  const setup = await wizardSettings(asked.account);
  if (!setup.ok && setup.notFound) notFound();
  // Every later link and form names the account read, even when the URL left it out (an older link).
  const params = setup.ok ? { ...asked, account: setup.account.accountId } : asked;
  const gap = redirectFor(step, params);
  if (gap) redirect(gap);
  return { user, params, setup };
}
