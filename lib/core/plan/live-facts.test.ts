import { describe, expect, it } from "vitest";
import { parameterValue } from "./live-facts";
import { makeParameters, seedUsEast1, throttled } from "@/tools/testing/fixtures";

describe("parameterValue", () => {
  it("knows a default group's fixed family defaults without any read of its parameters", () => {
    const snap = { ...seedUsEast1(), parameters: {} };
    expect(parameterValue(snap, "default.redis7", "maxmemory-policy")).toEqual({
      known: true,
      value: "volatile-lru",
    });
    expect(parameterValue(snap, "default.redis7", "cluster-enabled")).toEqual({ known: true, value: "no" });
    expect(parameterValue(snap, "default.redis7.cluster.on", "cluster-enabled")).toEqual({
      known: true,
      value: "yes",
    });
  });

  it("reads a custom group's value, the family default when it has no row, unknown when not read or failed", () => {
    const snap = {
      ...seedUsEast1(),
      parameters: {
        "app-noevict": { ok: true as const, value: makeParameters({ policy: "noeviction" }) },
        "app-norow": { ok: true as const, value: makeParameters({ policy: null }) },
        "app-throttled": { ok: false as const, problem: throttled("DescribeCacheParameters") },
      },
    };
    expect(parameterValue(snap, "app-noevict", "maxmemory-policy")).toEqual({
      known: true,
      value: "noeviction",
    });
    // Read without Source, a custom group with no row runs the family default (the audit's answer too).
    expect(parameterValue(snap, "app-norow", "maxmemory-policy")).toEqual({
      known: true,
      value: "volatile-lru",
    });
    expect(parameterValue(snap, "app-throttled", "maxmemory-policy")).toEqual({
      known: false,
      reason: throttled("DescribeCacheParameters").message,
    });
    expect(parameterValue(snap, "app-missing", "maxmemory-policy")).toEqual({
      known: false,
      reason: "The parameters of app-missing were not read.",
    });
  });
});
