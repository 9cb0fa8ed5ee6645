import { describe, expect, it } from "vitest";
import { BenchUsageError, DEFAULT_OPTIONS, parseBenchOptions } from "./options";

describe("parseBenchOptions", () => {
  it("gives the issue's defaults with no arguments", () => {
    expect(parseBenchOptions([])).toEqual({
      latencyMs: 40,
      sizes: [10, 100, 1000, 3000],
      runs: 5,
      skipPeer: false,
      skipPage: false,
      pageSize: 1000,
      outDir: "bench-results",
      estate: false,
      estateAccounts: 10,
      estateClusters: 300,
      estateConcurrency: [20, 8],
      load: false,
      loadUsers: 20,
      loadLoads: 60,
      loadReplicas: 1,
      loadBursts: 1,
      loadPostgres: false,
      estateRuns: 1,
      estateWorkers: 0,
      help: false,
    });
    expect(
      parseBenchOptions(["--load", "--load-users", "5", "--load-loads", "15", "--load-replicas", "2"]),
    ).toMatchObject({ load: true, loadUsers: 5, loadLoads: 15, loadReplicas: 2 });
    expect(() => parseBenchOptions(["--load-replicas", "5"])).toThrow(/from 1 to 4/);
    expect(parseBenchOptions(["--load", "--load-bursts", "4", "--load-postgres"])).toMatchObject({
      loadBursts: 4,
      loadPostgres: true,
    });
    expect(() => parseBenchOptions(["--load-users", "0"])).toThrow(/--load-users must be a whole number/);
    expect(
      parseBenchOptions([
        "--estate",
        "--estate-accounts",
        "3",
        "--estate-clusters",
        "50",
        "--estate-concurrency",
        "6,2",
        "--estate-runs",
        "3",
        "--estate-workers",
        "2",
      ]),
    ).toMatchObject({
      estate: true,
      estateAccounts: 3,
      estateClusters: 50,
      estateConcurrency: [6, 2],
      estateRuns: 3,
      estateWorkers: 2,
    });
    expect(() => parseBenchOptions(["--estate-runs", "0"])).toThrow(/from 1 to 20/);
    expect(() => parseBenchOptions(["--estate-accounts", "1"])).toThrow(/from 2 to 50/);
  });

  it("reads every flag", () => {
    const opts = parseBenchOptions([
      "--latency-ms",
      "5",
      "--sizes",
      "10, 250,250",
      "--runs",
      "3",
      "--page-size",
      "250",
      "--skip-peer",
      "--skip-page",
      "--out",
      "/tmp/b",
    ]);
    expect(opts).toEqual({
      ...DEFAULT_OPTIONS,
      latencyMs: 5,
      sizes: [10, 250],
      runs: 3,
      pageSize: 250,
      skipPeer: true,
      skipPage: true,
      outDir: "/tmp/b",
    });
  });

  it("accepts --flag=value and a zero latency", () => {
    expect(parseBenchOptions(["--latency-ms=0", "--sizes=3_000"])).toMatchObject({
      latencyMs: 0,
      sizes: [3000],
    });
  });

  it.each([
    [["--latency-ms=-1"], /--latency-ms must be a whole number from 0 to 10000, not "-1"/],
    [["--latency-ms", "4.5"], /--latency-ms must be a whole number/],
    [["--runs", "0"], /--runs must be a whole number from 1 to 100, not "0"/],
    [["--sizes", "10,,100"], /--sizes must be a comma-separated list/],
    [["--sizes", "10,abc"], /--sizes must be a whole number from 1 to 20000, not "abc"/],
    [["--out", " "], /--out needs a folder name/],
    [["--bogus"], /Unknown option '--bogus'/],
    [["extra"], /Unexpected argument 'extra'/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseBenchOptions(argv)).toThrow(BenchUsageError);
    expect(() => parseBenchOptions(argv)).toThrow(message);
  });
});
