/**
 * Which SNS topic the memory alarm of a plan notifies when the person named none:
 * QUEUEREADY_ALARM_TOPIC_ARN, else the account's `alarmTopicArn` in the accounts file, else nobody (the
 * plan then says so). A malformed value is an error the caller shows, never a silent "nobody".
 */
import { snsTopicArnSchema, type WizardChoices } from "@/lib/core/plan/choices";
import { DEFAULT_ALARM_THRESHOLD } from "@/lib/core/model/memory-alarm-spec";
import { accountsConfigFromEnv } from "./accounts-file";

type Env = Readonly<Record<string, string | undefined>>;

export type DefaultTopic = { ok: true; topicArn?: string } | { ok: false; message: string };

export function defaultAlarmTopic(accountId: string, env: Env = process.env): DefaultTopic {
  const fromEnv = env.QUEUEREADY_ALARM_TOPIC_ARN?.trim();
  if (fromEnv) {
    const parsed = snsTopicArnSchema.safeParse(fromEnv);
    return parsed.success
      ? { ok: true, topicArn: parsed.data }
      : { ok: false, message: `QUEUEREADY_ALARM_TOPIC_ARN ${parsed.error.issues[0]!.message}` };
  }
  // The accounts file was validated (alarmTopicArn included) when it was read.
  const config = accountsConfigFromEnv(env);
  const account =
    config && "accounts" in config ? config.accounts.find((a) => a.id === accountId) : undefined;
  return { ok: true, topicArn: account?.alarmTopicArn };
}

/**
 * The choices with the alarm spelled out: absent means "put it at 80 % to the default topic", and a put
 * without a topic takes the default one. Stored that way in the plan, so apply re-plans the same alarm.
 */
export function withAlarmDefaults(
  choices: WizardChoices,
  accountId: string,
  env: Env = process.env,
): { ok: true; choices: WizardChoices } | { ok: false; fieldErrors: Record<string, string[]> } {
  const alarm = choices.alarm ?? { mode: "put", threshold: DEFAULT_ALARM_THRESHOLD };
  if (alarm.mode === "none" || alarm.topicArn) return { ok: true, choices: { ...choices, alarm } };
  const topic = defaultAlarmTopic(accountId, env);
  if (!topic.ok) return { ok: false, fieldErrors: { "alarm.topicArn": [topic.message] } };
  const withTopic = topic.topicArn ? { ...alarm, topicArn: topic.topicArn } : alarm;
  return { ok: true, choices: { ...choices, alarm: withTopic } };
}
