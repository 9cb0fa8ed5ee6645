import { describe, expect, it } from "vitest";
import { suggestions } from "@/lib/core/plan";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { targetOf } from "@/tools/testing/plan-helpers";
import { choicesFor } from "./plan-choices";

const snap = seedUsEast1();
const target = targetOf("orders-redis7");
const s = suggestions(snap, target);
if (!s.ok) throw new Error(s.message);
const wizard = s.value;

describe("a target's choices for npm run plan", () => {
  it("are the wizard's recommendations when no flag is given", () => {
    expect(choicesFor(target, wizard, {})).toEqual({
      ok: true,
      value: {
        target,
        network: wizard.network.recommended,
        parameterGroup: wizard.parameterGroup.recommended,
      },
    });
  });

  it("take a flag over the recommendation, field by field", () => {
    const r = choicesFor(target, wizard, { cidr: "10.0.0.0/16", parameterGroup: "secure-noeviction" });
    expect(r).toMatchObject({
      ok: true,
      value: {
        network: {
          securityGroup: wizard.network.recommended!.securityGroup,
          source: { kind: "cidr", cidr: "10.0.0.0/16" },
        },
        parameterGroup: { mode: "reuse", name: "secure-noeviction" },
      },
    });
  });

  it("give the wizard's own messages for a malformed choice", () => {
    expect(choicesFor(target, wizard, { securityGroup: "my-group" })).toEqual({
      ok: false,
      fieldErrors: {
        "network.securityGroup.groupId": ["A security group id looks like sg-0123456789abcdef0."],
      },
    });
    const noNetwork = { ...wizard, network: { ...wizard.network, recommended: undefined } };
    expect(choicesFor(target, noNetwork, {})).toMatchObject({
      ok: false,
      fieldErrors: {
        "network.securityGroup": ["Choose the security group that gets the rule."],
        "network.source": ["Choose where traffic may come from."],
      },
    });
  });

  it("move a recommended new group's name on when an earlier target of the plan creates it", () => {
    const name = wizard.parameterGroup.suggestedName;
    const r = choicesFor(target, wizard, {}, new Set([name, `${name}-2`]));
    expect(r).toMatchObject({ ok: true, value: { parameterGroup: { mode: "create", name: `${name}-3` } } });
  });
});
