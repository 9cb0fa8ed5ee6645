import "server-only";
import { previousParameterGroup } from "@/lib/adapters/db/lookups";
import type { AwsProblem } from "@/lib/core/model/resources";
import { suggestions, type Suggestions } from "@/lib/core/plan";
import { targetOf } from "./choices";
import { readChoice } from "./live";
import { loadStep, type SearchParams } from "./load-step";
import type { WizardParams } from "./params";

export type SuggestionsStep =
  | { ok: true; params: WizardParams; suggestions: Suggestions }
  | {
      ok: false;
      params: WizardParams;
      /** The AWS settings cannot be used. */
      problem?: AwsProblem;
      /** The chosen cluster was read but cannot be planned for (gone, or not a cluster the wizard fixes). */
      unreadable?: string;
    };

/**
 * What the network and parameter-group steps start with: the step's input (loadStep), then the chosen
 * cluster read live and what the plan suggests for it. The parameter-group step also asks for the groups
 * it could reuse (`reuseCandidates`).
 */
export async function loadSuggestions(
  step: "network" | "parameter-group",
  searchParams: SearchParams,
  opts: { reuseCandidates?: boolean } = {},
): Promise<SuggestionsStep> {
  const { params, setup } = await loadStep(step, searchParams);
  if (!setup.ok) return { ok: false, params, problem: setup.problem };
  // loadStep already sent a link without a well-formed target back to the target step.
  const target = targetOf(params);
  if (!target.ok) return { ok: false, params };
  const snapshot = await readChoice(setup.settings, target.value, [], opts);
  // A cluster that drifted off the group an earlier apply attached is repaired with that group again.
  const previousGroup =
    step === "parameter-group"
      ? await previousParameterGroup({ ...snapshot.scope, kind: target.value.kind, id: target.value.id })
      : undefined;
  const found = suggestions(snapshot, target.value, { previousGroup });
  if (!found.ok) return { ok: false, params, unreadable: found.message };
  return { ok: true, params, suggestions: found.value };
}
