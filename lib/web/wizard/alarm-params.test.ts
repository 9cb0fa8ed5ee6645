import { describe, expect, it } from "vitest";
import { alarmOf, choicesOf, paramsOf } from "./choices";
import { readParams, toQuery } from "./params";

const base = {
  region: "us-east-1",
  kind: "replication-group",
  id: "orders-redis7",
  sg: "existing",
  sgId: "sg-0cache00000000001",
  src: "security-group",
  srcGroup: "sg-0app000000000001",
  pg: "create",
  pgName: "bullmq-redis7-noeviction",
};
const TOPIC = "arn:aws:sns:us-east-1:123456789012:ops-pager";

describe("the wizard's memory alarm parameters", () => {
  it("absent: the default; none; or a threshold and topic, held to the planner's schema", () => {
    expect(alarmOf({})).toEqual({ ok: true, value: undefined });
    expect(alarmOf({ alarm: "none" })).toEqual({ ok: true, value: { mode: "none" } });
    expect(alarmOf({ alarm: "put", alarmThreshold: "75", alarmTopic: TOPIC })).toEqual({
      ok: true,
      value: { mode: "put", threshold: 75, topicArn: TOPIC },
    });
    expect(alarmOf({ alarm: "put", alarmThreshold: "99" })).toEqual({
      ok: false,
      fieldErrors: { alarmThreshold: ["must be at most 95 %"] },
    });
    expect(alarmOf({ alarm: "put", alarmThreshold: "lots" })).toMatchObject({ ok: false });
    expect(alarmOf({ alarm: "put", alarmTopic: "ops-pager" })).toMatchObject({
      ok: false,
      fieldErrors: { alarmTopic: [expect.stringMatching(/SNS topic ARN/)] },
    });
  });

  it("a malformed alarm sends the person back to the modification step", () => {
    expect(choicesOf({ ...base, alarm: "put", alarmThreshold: "20" })).toMatchObject({
      ok: false,
      step: "modification",
    });
  });

  it("round-trips through the URL, so a resume keeps the alarm the run was planned with", () => {
    const parsed = choicesOf(readParams({ ...base, alarm: "put", alarmThreshold: "70", alarmTopic: TOPIC }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed));
    expect(parsed.value.alarm).toEqual({ mode: "put", threshold: 70, topicArn: TOPIC });
    const again = choicesOf(
      readParams(Object.fromEntries(new URLSearchParams(toQuery(paramsOf(parsed.value))))),
    );
    expect(again).toEqual(parsed);
  });
});
