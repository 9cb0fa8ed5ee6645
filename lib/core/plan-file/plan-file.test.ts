import { describe, expect, it } from "vitest";
import { computePlan, renderJson } from "@/lib/core/plan";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { recommendedChoices } from "@/tools/testing/plan-helpers";
import { testPlanKey } from "@/tools/testing/plan-key";
import { readableDuration } from "./read";
import {
  buildPlanFile,
  parsePlanFile as parseWith,
  signPlanFile,
  withHash,
  previewFileInput,
  refusalOf,
  serializePlanFile,
  DEFAULT_MAX_AGE_MS,
} from "./";

const snap = seedUsEast1();
const plan = computePlan(snap, recommendedChoices(snap, "orders-redis7"));
const made = new Date(plan.computedFrom);
const key = testPlanKey();
const file = buildPlanFile({
  plans: [plan],
  createdBy: { name: "ci", via: "cli" },
  now: made,
  signingKey: key,
});
/** Reads as `npm run apply` does with the tests' key set. */
const parsePlanFile = (text: string) => parseWith(text, { key });
const text = serializePlanFile(file);
const account = plan.target.accountId;

describe("plan files", () => {
  it("hold a browser preview as its one target, or say why they hold none", () => {
    expect(previewFileInput(plan)).toEqual({ plans: [plan], notPlanned: [] });
    const busy = computePlan(snap, recommendedChoices(snap, "busy-redis7"));
    expect(previewFileInput(busy)).toEqual({
      plans: [],
      notPlanned: [
        {
          accountId: account,
          region: "us-east-1",
          kind: "replication-group",
          id: "busy-redis7",
          status: "blocked",
          reason: busy.blockers.join(" "),
        },
      ],
    });
    const ready = computePlan(snap, recommendedChoices(snap, "jobs-valkey8"));
    expect(previewFileInput(ready).notPlanned[0]).toMatchObject({ id: "jobs-valkey8", status: "up-to-date" });
  });

  it("hold each target exactly as the web preview exports it, and read back unchanged", () => {
    expect(file.targets[0]).toEqual(JSON.parse(renderJson(plan)));
    expect(file.accountIds).toEqual([account]);
    expect(file.regions).toEqual(["us-east-1"]);
    const read = parsePlanFile(text);
    expect(read.ok && read.file.targets[0]!.plan.fingerprint).toBe(plan.fingerprint);
    // Reformatting is not an edit: the hash is over canonical JSON.
    expect(parsePlanFile(JSON.stringify(JSON.parse(text))).ok).toBe(true);
  });

  it("name the role each call runs as, with its IAM actions, as the preview's JSON export does", () => {
    const role = "arn:aws:iam::210987654321:role/QueueReadyApply";
    const withRole = buildPlanFile({
      plans: [plan],
      createdBy: { name: "ci", via: "cli" },
      runsAs: () => role,
      signingKey: key,
    });
    expect(withRole.targets[0]).toEqual(JSON.parse(renderJson(plan, { runsAs: role })));
    const calls = withRole.targets[0]!.awsCalls;
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls)
      expect(call.iam).toEqual({
        runsAs: role,
        actions: expect.arrayContaining([`${call.service}:${call.operation}`]),
      });
    const read = parsePlanFile(serializePlanFile(withRole));
    expect(read.ok && read.file.targets[0]!.awsCalls.map((c) => c.iam?.runsAs)).toEqual(
      calls.map(() => role),
    );
  });

  it("still read a file made before the role was recorded, and refuse a role that is not text", () => {
    expect(file.targets[0]!.awsCalls.every((c) => c.iam === undefined)).toBe(true);
    expect(parsePlanFile(text).ok).toBe(true);
    const rest = JSON.parse(text) as typeof file;
    rest.targets[0]!.awsCalls[0]!.iam = { runsAs: 42, actions: [] } as never;
    expect(parsePlanFile(JSON.stringify(signPlanFile(withHash(rest), key)))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/malformed: targets\.0\.awsCalls\.0\.iam\.runsAs/),
    });
  });

  it("refuse text that is not JSON, or JSON that is not a plan file, saying where", () => {
    expect(parsePlanFile("{not json")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not JSON/),
    });
    const broken = JSON.parse(text);
    broken.targets[0].plan.steps[1].kind = "delete-cluster";
    const read = parsePlanFile(JSON.stringify(broken));
    expect(read).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/malformed: targets\.0\.plan\.steps\.1/),
    });
  });

  it("refuse a file edited by hand: a value changed, the hash kept", () => {
    const edited = JSON.parse(text);
    edited.targets[0].plan.choices.parameterGroup.name = "bullmq-redis7-noeviction-evil";
    expect(parsePlanFile(JSON.stringify(edited))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/changed after it was made: its content hash does not match/),
    });
  });

  it("refuse a plan whose choices name another cluster than its target", () => {
    const edited = JSON.parse(text);
    edited.targets[0].plan.choices.target.id = "jobs-valkey8";
    const read = parsePlanFile(JSON.stringify(edited));
    expect(read).toMatchObject({ ok: false, reason: expect.stringMatching(/choices name another target/) });
  });

  it("refuse an old plan, a plan from the future and a plan for another account", () => {
    const opts = { maxAgeMs: DEFAULT_MAX_AGE_MS, accountId: account };
    expect(refusalOf(file, { ...opts, now: new Date(made.getTime() + 60_000) })).toBeUndefined();
    expect(refusalOf(file, { ...opts, now: new Date(made.getTime() + 25 * 3_600_000) })).toMatch(
      /25 h old, older than the 24 h allowed/,
    );
    expect(refusalOf(file, { ...opts, now: new Date(made.getTime() - 3_600_000) })).toMatch(/in the future/);
    expect(refusalOf(file, { ...opts, accountId: "999999999999", now: made })).toMatch(
      new RegExp(`for account ${account}, but the credentials belong to account 999999999999`),
    );
  });
});

describe("plan ages in words", () => {
  it("names an age or a limit in the unit a person reads it in, never '0 h' for a minute", () => {
    expect(readableDuration(90 * 60_000)).toBe("1.5 h");
    expect(readableDuration(24 * 3_600_000)).toBe("24 h");
    expect(readableDuration(60_000)).toBe("1 min");
    expect(readableDuration(12.5 * 60_000)).toBe("12.5 min");
    expect(readableDuration(40_000)).toBe("40 s");
    expect(readableDuration(1)).toBe("0.001 s");
  });
});
