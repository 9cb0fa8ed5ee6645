"use client";

import { Choice, FieldError, TextField } from "@/components/wizard/fields";

/**
 * Step 4's memory alarm: under noeviction a full node refuses writes, so the fix puts an alarm unless the
 * person leaves it out. Empty topic: QUEUEREADY_ALARM_TOPIC_ARN or the account's, else nobody is told.
 */
export function AlarmFields({
  alarmName,
  alarm,
  threshold,
  topic,
}: {
  /** The name the alarm is put under (lib/core/model/memory-alarm-spec.ts). */
  alarmName: string;
  alarm?: string;
  threshold?: string;
  topic?: string;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-[13px] font-semibold text-slate-900">Memory alarm</legend>
      <p className="text-xs text-slate-500">
        Under noeviction a full node refuses writes and BullMQ stops taking jobs. The alarm watches
        DatabaseMemoryUsageCountedForEvictPercentage (Maximum, 5 × 60 s).
      </p>
      <Choice
        name="alarm"
        value="put"
        defaultChecked={alarm !== "none"}
        label="Put the alarm"
        description={`Named ${alarmName}; skipped when an alarm already watches the memory.`}
      />
      <Choice
        name="alarm"
        value="none"
        defaultChecked={alarm === "none"}
        label="Leave the alarm out"
        description="Nobody is warned before writes are refused."
      />
      <FieldError name="alarm" />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          name="alarmThreshold"
          label="Threshold (% of maxmemory)"
          hint="50 to 95; 80 gives time to scale or drain."
          type="number"
          min={50}
          max={95}
          step={1}
          defaultValue={threshold ?? "80"}
        />
        <TextField
          name="alarmTopic"
          label="SNS topic ARN"
          hint="Empty: the configured default topic, if any."
          defaultValue={topic ?? ""}
          placeholder="arn:aws:sns:us-east-1:123456789012:ops-pager"
        />
      </div>
    </fieldset>
  );
}
