/**
 * Red-team findings on plan files (issue 24): a spliced file with a recomputed hash, weak keys, and files
 * built to crash or stall the reader. Every refusal is one printable line.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { computePlan } from "@/lib/core/plan";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { recommendedChoices } from "@/tools/testing/plan-helpers";
import { testPlanKey } from "@/tools/testing/plan-key";
import * as planFiles from "./";
import { buildPlanFile, parsePlanFile, serializePlanFile, withHash, type PlanFile } from "./";

const snap = seedUsEast1();
const orders = computePlan(snap, recommendedChoices(snap, "orders-redis7"));
const standalone = computePlan(snap, recommendedChoices(snap, "standalone-redis"));
const key = testPlanKey();
const make = (plans = [orders]) =>
  buildPlanFile({ plans, createdBy: { name: "ci", via: "cli" }, signingKey: key });
const signed = make();
const text = serializePlanFile(signed);
const copy = (): PlanFile => JSON.parse(text) as PlanFile;
const keyOf = (value: string) => planFiles.planSigningKey?.({ QUEUEREADY_PLAN_SIGNING_KEY: value });
const ONE_LINE = /^[\x20-\x7e…]+$/;

/** The reason a file is refused with, checked to be one printable line. */
function refusal(content: string, trust: Parameters<typeof parsePlanFile>[1] = { key }): string {
  const read = parsePlanFile(content, trust);
  expect(read.ok, "the file was accepted").toBe(false);
  const reason = read.ok ? "" : read.reason;
  expect(reason).toMatch(ONE_LINE);
  return reason;
}

describe("plan file signatures", () => {
  it("refuse a spliced file whose content hash was recomputed: another plan's targets, 0.0.0.0/0", () => {
    // The attacker's file: orders' signed envelope, the rule opened to the world, the hash recomputed.
    const spliced = copy();
    spliced.targets[0]!.plan.choices.network.source = { kind: "cidr", cidr: "0.0.0.0/0" } as never;
    const rehashed = { ...withHash(spliced), signature: signed.signature };
    expect(refusal(JSON.stringify(rehashed))).toMatch(/signature does not match/);
    // Or the signature dropped: with a key set, an unsigned file is refused too.
    expect(refusal(JSON.stringify(withHash(spliced)))).toMatch(/not signed/);
    // Another plan's targets in this file's envelope.
    const other = copy();
    other.targets = make([standalone]).targets;
    expect(refusal(JSON.stringify({ ...withHash(other), signature: signed.signature }))).toMatch(
      /signature does not match/,
    );
  });

  it("accept the file as signed, reformatted or not, and refuse it under another key", () => {
    expect(signed.signature).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(parsePlanFile(text, { key })).toMatchObject({ ok: true, signed: true });
    expect(parsePlanFile(JSON.stringify(JSON.parse(text)), { key }).ok).toBe(true);
    const other = keyOf(randomBytes(32).toString("base64"));
    expect(other).toMatchObject({ ok: true });
    expect(refusal(text, { key: other!.ok ? other!.key : undefined })).toMatch(/signature does not match/);
    expect(refusal(text, {})).toMatch(/signed but QUEUEREADY_PLAN_SIGNING_KEY is not set/);
  });

  it("refuse an unsigned file without a key unless explicitly allowed; a key ignores the opt-out", () => {
    const unsigned = serializePlanFile(
      buildPlanFile({ plans: [orders], createdBy: { name: "ci", via: "cli" } }),
    );
    expect(refusal(unsigned, {})).toMatch(
      /not signed and QUEUEREADY_PLAN_SIGNING_KEY is not set.*--insecure-allow-unsigned-plan/,
    );
    expect(parsePlanFile(unsigned, { allowUnsigned: true })).toMatchObject({ ok: true, signed: false });
    expect(refusal(unsigned, { key, allowUnsigned: true })).toMatch(
      /not signed, and QUEUEREADY_PLAN_SIGNING_KEY is set/,
    );
  });

  it("refuse a weak key: short, few distinct characters, or a short unit repeated", () => {
    expect(keyOf("")).toEqual({ ok: true });
    expect(keyOf("hunter2")).toMatchObject({ ok: false, reason: expect.stringMatching(/7 bytes long/) });
    expect(keyOf("a".repeat(64))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/only 1 distinct/),
    });
    expect(keyOf("0123456789abcdef".repeat(4))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/16-character unit repeated/),
    });
    for (const reason of ["hunter2", "a".repeat(64)].map((v) => keyOf(v)))
      expect(reason && !reason.ok && reason.reason).not.toMatch(/hunter2|aaaa/);
    expect(keyOf(randomBytes(32).toString("hex"))).toMatchObject({ ok: true, key: expect.anything() });
    expect(keyOf(randomBytes(32).toString("base64"))).toMatchObject({ ok: true, key: expect.anything() });
  });
});

describe("the plan file reader", () => {
  it("refuses a target whose account the file does not list, and an empty accountIds", () => {
    const foreign = copy();
    foreign.targets[0]!.plan.target.accountId = "999999999999";
    expect(refusal(JSON.stringify(withHash(foreign)), { allowUnsigned: true })).toMatch(
      /targets\.0 \(orders-redis7\) is in account 999999999999, which accountIds does not list/,
    );
    const none = copy();
    none.accountIds = [];
    expect(refusal(JSON.stringify(withHash(none)), { allowUnsigned: true })).toMatch(/accountIds is empty/);
  });

  it("refuses a target listed twice", () => {
    const twice = copy();
    twice.targets = [twice.targets[0]!, twice.targets[0]!];
    expect(refusal(JSON.stringify(withHash(twice)), { allowUnsigned: true })).toMatch(/listed twice/);
  });

  it("refuses 3,000-deep nesting without overflowing the stack, fast", () => {
    const deep = copy();
    let nested: unknown = 1;
    for (let i = 0; i < 3_000; i++) nested = [nested];
    deep.targets[0]!.awsCalls[0]!.params.x = nested as never;
    // Built as text: JSON.stringify itself would overflow on the object much deeper than this.
    const content = JSON.stringify(deep).replace(
      '"x":' + JSON.stringify(nested),
      '"x":' + "[".repeat(3_000) + "1" + "]".repeat(3_000),
    );
    const started = performance.now();
    expect(refusal(content)).toMatch(/nests deeper than 64 levels/);
    expect(refusal("[".repeat(1_000_000))).toMatch(/nests deeper than 64 levels/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("refuses random bytes and a file over 5 MB fast, in one printable line", () => {
    const started = performance.now();
    for (let i = 0; i < 20; i++)
      expect(refusal(randomBytes(64 * 1024).toString("utf8"))).toMatch(/malformed/);
    expect(refusal(randomBytes(6 * 1024 * 1024).toString("latin1"))).toMatch(/larger than 5 MB/);
    expect(refusal(`${text.slice(0, -2)}${" ".repeat(5 * 1024 * 1024)}}`)).toMatch(/larger than 5 MB/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses more targets than a file may hold", () => {
    const many = copy();
    many.targets = Array.from({ length: planFiles.MAX_TARGETS + 1 }, () => many.targets[0]!);
    expect(refusal(JSON.stringify(withHash(many)), { allowUnsigned: true })).toMatch(/more than 300 targets/);
  });
});
