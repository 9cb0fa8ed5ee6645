/**
 * `npm run plan -- --cluster ID --format terraform|cloudformation`: the one planned target's fix as the code
 * its owner merges (a stack or a Terraform configuration), with the owner read live as apply reads it.
 */
import { writeFile } from "node:fs/promises";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { readOwners } from "@/lib/services/apply/owner-check";
import { openScope } from "@/lib/services/estate/scope-access";
import { ownerLabel } from "@/lib/core/model/ownership";
import type { Plan } from "@/lib/core/plan";
import { fixFileName, renderFixAsCode, type IacFormat } from "@/lib/core/plan/iac";
import type { CliIo } from "./run-audit";

export async function writeFixAsCode(
  plan: Plan,
  settings: AwsSettings,
  format: IacFormat,
  out: string | undefined,
  io: CliIo,
): Promise<void> {
  const ownerOf = await readOwners(await openScope(settings, plan.region), plan);
  const owner = ownerOf(plan.target.kind, plan.target.id);
  const tool = format === "terraform" ? "Terraform" : "CloudFormation";
  if (owner?.tool !== format)
    io.err(
      `${plan.target.id} is ${owner ? `owned by ${ownerLabel(owner)}` : "owned by no stack or state QueueReady read"}: ` +
        `the ${tool} names its declaration by a guess; replace it with yours.\n`,
    );
  const text = renderFixAsCode(format, { plan, ownerOf });
  if (!out) {
    io.out(text);
    return;
  }
  await writeFile(out, text, { mode: 0o644 });
  io.out(
    `Wrote the ${tool} fix for ${plan.target.id} to ${out} (as a download it is ${fixFileName(plan, format)}).\n`,
  );
}
