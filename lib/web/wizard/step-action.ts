"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure } from "@/lib/web/actions/action-result";
import { AwsError } from "@/lib/adapters/aws/errors";
import { validatedAction } from "@/lib/web/actions/validated-action";
import { checkStep, chosenTarget, nextStep } from "./check-step";
import { readChoice, wizardSettings } from "./live";
import { readParams } from "./params";
import { stepHref } from "./steps";

const stepFormSchema = z
  .object({ step: z.enum(["target", "network", "parameter-group", "modification"]) })
  .catchall(z.union([z.string(), z.array(z.string())]));

/**
 * Every wizard step's form posts here: auth (viewers may plan, only apply needs operator), the shape of
 * the answer, then the live checks against a fresh read of the region. On success it moves on to the next
 * step with every answer so far in the URL; otherwise the field errors go back to the form.
 */
export const submitStepAction = validatedAction(stepFormSchema, "viewer", async (input) => {
  const params = readParams(input);
  const setup = await wizardSettings(params.account);
  if (!setup.ok) return failure(setup.problem.code, setup.problem.message);
  if (!params.region || !setup.settings.regions.includes(params.region)) {
    return failure("invalid-input", "Some fields need attention.", {
      region: [`Choose one of the configured regions: ${setup.settings.regions.join(", ")}.`],
    });
  }
  const target = chosenTarget(params);
  if (!target.ok) return failure("invalid-input", "Some fields need attention.", target.fieldErrors);
  let snapshot;
  try {
    snapshot = await readChoice(setup.settings, target.value, params.pgName ? [params.pgName] : []);
  } catch (err) {
    // The account's role may stop being assumable between the estate's listing and this read.
    if (err instanceof AwsError) return failure(err.problem.code, err.problem.message);
    throw err;
  }
  const checked = checkStep(input.step, params, snapshot);
  if (!checked.ok) return failure("invalid-input", "Some fields need attention.", checked.fieldErrors);
  redirect(stepHref(nextStep(input.step), { ...params, account: setup.account.accountId }));
});
