/**
 * The CloudWatch operations the sandbox serves (API version 2010-08-01), independent of the protocol that
 * carried them: each takes the decoded input object and returns the output object (undefined for none).
 */
import type { RegionState } from "@/tools/sandbox/model/state";
import { deleteAlarms, describeAlarms, putMetricAlarm } from "./alarms";
import type { CwInput } from "./input";
import type { EngineMemory } from "./memory";
import { getMetricData } from "./metric-data";

export interface CwContext {
  region: RegionState;
  input: CwInput;
  now: number;
  engineMemory?: EngineMemory;
}

export interface CwOperation {
  run(ctx: CwContext): Record<string, unknown> | undefined;
  write: boolean;
}

export const cloudwatchOps: Record<string, CwOperation> = {
  PutMetricAlarm: { write: true, run: (c) => putMetricAlarm(c.region, c.input, c.now) },
  DescribeAlarms: { write: false, run: (c) => describeAlarms(c.region, c.input) },
  DeleteAlarms: { write: true, run: (c) => deleteAlarms(c.region, c.input) },
  GetMetricData: { write: false, run: (c) => getMetricData(c.region, c.input, c.now, c.engineMemory) },
};

export type { EngineMemory, MemoryReading } from "./memory";
