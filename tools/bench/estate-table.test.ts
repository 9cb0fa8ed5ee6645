import { describe, expect, it } from "vitest";
import { cpuFloorMs, renderEstate } from "./estate-table";
import { processCpuMs } from "./sandbox-process";

describe("the estate figures", () => {
  it("renders one row per concurrency with the CPU per account-region on each side", () => {
    const table = renderEstate([
      {
        accounts: 10,
        regions: 2,
        clustersPerRegion: 300,
        latencyMs: 40,
        concurrency: 20,
        rows: 6000,
        expectedRows: 6000,
        runs: [2100, 1900, 2000],
        ms: 2000,
        cpuMs: 1800,
        loopBusyMs: 1500,
        sandboxCpuMs: 1000,
        lowerBoundMs: 400,
        ratio: 5,
        cores: 2,
        peakRssMb: 300,
        awsCalls: 1302,
      },
    ]);
    const row = table.split("\n")[2]!;
    expect(row).toContain(
      "| 10 x 2 x 300 | 40 ms | 20 | 2000 ms | 2100, 1900, 2000 | 400 ms | 5 (target <= 3) |",
    );
    expect(row).toContain(
      "| 1800 ms (90/acct-region) | 1500 ms | 1000 ms (50/acct-region) | 1500 ms | 1.33 | 6000/6000 | 1302 | 300 MB |",
    );
  });

  it("puts the CPU floor at the largest of the API's path, the audit's one thread, and both sides over the cores", () => {
    const base = { lowerBoundMs: 400, cpuMs: 300, loopBusyMs: 250, sandboxCpuMs: 100, cores: 2 };
    expect(cpuFloorMs(base)).toBe(400);
    expect(cpuFloorMs({ ...base, cpuMs: 1000, loopBusyMs: 900 })).toBe(900);
    expect(cpuFloorMs({ ...base, cpuMs: 1000, loopBusyMs: 900, sandboxCpuMs: 1400 })).toBe(1200);
    expect(cpuFloorMs({ ...base, cpuMs: 900, loopBusyMs: 800, sandboxCpuMs: undefined, cores: 1 })).toBe(900);
  });

  it("reads a process's CPU time from /proc, and nothing for a process that is not there", () => {
    const spin = Date.now() + 60;
    while (Date.now() < spin);
    expect(processCpuMs(process.pid)).toBeGreaterThan(0);
    expect(processCpuMs(2 ** 22 + 7)).toBeUndefined();
    expect(processCpuMs(undefined)).toBeUndefined();
  });
});
