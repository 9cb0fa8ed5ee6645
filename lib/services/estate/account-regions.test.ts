import { describe, expect, it } from "vitest";
import { OWN_CREDENTIALS, type EstateAccount } from "./list-accounts";
import { mapAccountRegions, scopeConcurrency } from "./account-regions";
import type { AwsSettings } from "@/lib/adapters/aws/settings";

const settings: AwsSettings = { regions: ["us-east-1"], defaultRegion: "us-east-1", maxAttempts: 1 };
const roles = { readRole: OWN_CREDENTIALS, applyRole: OWN_CREDENTIALS };
const scope = (id: string, regions: string[], ok = true): EstateAccount =>
  ok
    ? { accountId: id, name: id, regions, read: settings, apply: settings, ...roles }
    : {
        accountId: id,
        name: id,
        regions,
        ...roles,
        problem: { code: "access-denied", message: "no", retryable: false },
      };

describe("mapAccountRegions", () => {
  it("never runs more than the bound at once, keeps scope order, and reports unreachable accounts per region", async () => {
    let active = 0;
    let peak = 0;
    const results = await mapAccountRegions(
      [scope("a", ["r1", "r2", "r3"]), scope("b", ["r1"], false), scope("c", ["r1", "r2"])],
      2,
      async (_s, region, sc) => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 20));
        active--;
        return `${sc.accountId}/${region}`;
      },
    );
    expect(peak).toBe(2);
    expect(results.map((r) => (r.ok ? r.value : `${r.accountId}/${r.region}: ${r.problem.message}`))).toEqual(
      ["a/r1", "a/r2", "a/r3", "b/r1: no", "c/r1", "c/r2"],
    );
  });

  it("reads the bound from the environment, then the file, then the default", () => {
    expect(scopeConcurrency({ QUEUEREADY_SCOPE_CONCURRENCY: "3" }, 5)).toBe(3);
    expect(scopeConcurrency({}, 5)).toBe(5);
    expect(scopeConcurrency({})).toBe(8);
    expect(() => scopeConcurrency({ QUEUEREADY_SCOPE_CONCURRENCY: "0" })).toThrow(/1 to 64/);
  });
});
