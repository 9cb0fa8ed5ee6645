import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { WizardChoices } from "@/lib/core/plan/choices";
import { AccountsConfigError } from "./accounts-file";
import { defaultAlarmTopic, withAlarmDefaults } from "./alarm-topic";

const TOPIC = "arn:aws:sns:us-east-1:123456789012:ops-pager";
const choices = {
  target: { region: "us-east-1", kind: "replication-group", id: "orders" },
} as unknown as WizardChoices;

function accountsFile(content: object): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qr-topic-")), "accounts.json");
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

describe("the memory alarm's default topic", () => {
  it("comes from QUEUEREADY_ALARM_TOPIC_ARN, else the account's alarmTopicArn, else nobody", () => {
    expect(defaultAlarmTopic("123456789012", { QUEUEREADY_ALARM_TOPIC_ARN: TOPIC })).toEqual({
      ok: true,
      topicArn: TOPIC,
    });
    const file = accountsFile({
      accounts: [{ id: "123456789012", alarmTopicArn: TOPIC }, { id: "210987654321" }],
    });
    expect(defaultAlarmTopic("123456789012", { QUEUEREADY_ACCOUNTS_FILE: file })).toEqual({
      ok: true,
      topicArn: TOPIC,
    });
    expect(defaultAlarmTopic("210987654321", { QUEUEREADY_ACCOUNTS_FILE: file })).toEqual({
      ok: true,
      topicArn: undefined,
    });
    expect(defaultAlarmTopic("123456789012", {})).toEqual({ ok: true, topicArn: undefined });
  });

  it("a malformed ARN is an error, in the environment or in the accounts file", () => {
    expect(defaultAlarmTopic("123456789012", { QUEUEREADY_ALARM_TOPIC_ARN: "ops-pager" })).toEqual({
      ok: false,
      message:
        "QUEUEREADY_ALARM_TOPIC_ARN must be an SNS topic ARN (arn:aws:sns:<region>:<account id>:<topic>)",
    });
    const file = accountsFile({
      accounts: [{ id: "123456789012", alarmTopicArn: "arn:aws:sqs:us-east-1:123456789012:q" }],
    });
    expect(() => defaultAlarmTopic("123456789012", { QUEUEREADY_ACCOUNTS_FILE: file })).toThrow(
      AccountsConfigError,
    );
  });

  it("spells the alarm out in the choices: default 80 %, a chosen topic or 'none' kept as chosen", () => {
    const env = { QUEUEREADY_ALARM_TOPIC_ARN: TOPIC };
    expect(withAlarmDefaults(choices, "123456789012", env)).toEqual({
      ok: true,
      choices: { ...choices, alarm: { mode: "put", threshold: 80, topicArn: TOPIC } },
    });
    const none = { ...choices, alarm: { mode: "none" as const } };
    expect(withAlarmDefaults(none, "123456789012", env)).toEqual({ ok: true, choices: none });
    const own = {
      ...choices,
      alarm: { mode: "put" as const, threshold: 70, topicArn: "arn:aws:sns:us-east-1:123456789012:own" },
    };
    expect(withAlarmDefaults(own, "123456789012", env)).toEqual({ ok: true, choices: own });
    expect(withAlarmDefaults(choices, "123456789012", { QUEUEREADY_ALARM_TOPIC_ARN: "x" })).toMatchObject({
      ok: false,
      fieldErrors: { "alarm.topicArn": [expect.stringMatching(/must be an SNS topic ARN/)] },
    });
  });
});
