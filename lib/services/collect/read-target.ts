import "server-only";
import { AwsError } from "@/lib/adapters/aws/errors";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { TargetRef } from "@/lib/core/identity/identity";
import type { AwsProblem } from "@/lib/core/model/resources";
import type { FocusedSnapshot } from "@/lib/core/model/snapshot";
import { openScope } from "@/lib/services/estate/scope-access";
import { collect } from "./collect";

export type TargetRead = { ok: true; snapshot: FocusedSnapshot } | { ok: false; problem: AwsProblem };

/**
 * One target and what it references, read live (the detail page): no other cluster's parameters are read.
 * Only an unusable region (bad name, no credentials at all) fails as a whole; single reads fail inside the
 * snapshot and turn the checks that need them into Unknown.
 */
export async function readTargetSnapshot(settings: AwsSettings, ref: TargetRef): Promise<TargetRead> {
  try {
    const access = await openScope(settings, ref.region);
    if (access.scope.accountId !== ref.accountId)
      throw new Error(`The settings for ${ref.accountId} reach account ${access.scope.accountId}.`);
    return { ok: true, snapshot: await collect(access, { target: ref }) };
  } catch (err) {
    if (err instanceof AwsError) return { ok: false, problem: err.problem };
    throw err;
  }
}
