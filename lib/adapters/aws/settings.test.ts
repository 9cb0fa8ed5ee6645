import { describe, expect, it } from "vitest";
import { AwsError } from "./errors";
import { awsSettingsFromEnv, readAwsSettings } from "./settings";
import { isRegionName } from "@/lib/core/identity/identity";
import { clientsOf, createAwsContext } from "./context";

describe("awsSettingsFromEnv", () => {
  it("defaults to us-east-1, the real endpoints, 5 attempts and the standard credential chain", () => {
    expect(awsSettingsFromEnv({})).toEqual({
      endpoint: undefined,
      regions: ["us-east-1"],
      defaultRegion: "us-east-1",
      maxAttempts: 5,
    });
  });

  it("reads the endpoint override, the region list and the attempts", () => {
    const settings = awsSettingsFromEnv({
      QUEUEREADY_AWS_ENDPOINT: "http://127.0.0.1:4599",
      AWS_ENDPOINT_URL: "http://ignored",
      QUEUEREADY_REGIONS: " eu-west-1, us-east-1 ,eu-west-1,",
      AWS_REGION: "ap-south-1",
      QUEUEREADY_MAX_ATTEMPTS: "3",
    });
    expect(settings).toEqual({
      endpoint: "http://127.0.0.1:4599",
      regions: ["eu-west-1", "us-east-1"],
      defaultRegion: "eu-west-1",
      maxAttempts: 3,
    });
  });

  it("falls back to AWS_ENDPOINT_URL and AWS_REGION, then AWS_DEFAULT_REGION", () => {
    expect(
      awsSettingsFromEnv({ AWS_ENDPOINT_URL: "http://localhost:9", AWS_REGION: "eu-central-1" }),
    ).toMatchObject({
      endpoint: "http://localhost:9",
      regions: ["eu-central-1"],
      defaultRegion: "eu-central-1",
    });
    expect(awsSettingsFromEnv({ AWS_DEFAULT_REGION: "us-gov-west-1" }).regions).toEqual(["us-gov-west-1"]);
  });

  it("refuses a malformed region or attempt count with an AwsError", () => {
    expect(() => awsSettingsFromEnv({ QUEUEREADY_REGIONS: "us-east-1,useast1" })).toThrow(AwsError);
    try {
      awsSettingsFromEnv({ QUEUEREADY_MAX_ATTEMPTS: "lots" });
      expect.unreachable();
    } catch (err) {
      expect((err as AwsError).problem.code).toBe("invalid-input");
    }
  });
});

describe("readAwsSettings", () => {
  it("gives the settings, or the problem a person can act on instead of a throw", () => {
    expect(readAwsSettings({ QUEUEREADY_REGIONS: "eu-west-1" })).toMatchObject({
      ok: true,
      settings: { regions: ["eu-west-1"] },
    });
    const bad = readAwsSettings({ QUEUEREADY_REGIONS: "mars-1" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem).toMatchObject({ code: "unknown-region", retryable: false });
  });
});

describe("region names", () => {
  it.each([
    ["us-east-1", true],
    ["eu-west-3", true],
    ["us-gov-west-1", true],
    ["us-isob-east-1", true],
    ["ap-southeast-2", true],
    ["US-EAST-1", false],
    ["us-east", false],
    ["useast-1", false],
    ["us-east-12", false],
    ["", false],
  ])("%s -> %s", (name, ok) => {
    expect(isRegionName(name)).toBe(ok);
  });

  it("createAwsContext rejects a bad region as unknown-region, and reuses clients per settings and region", () => {
    const settings = {
      regions: ["us-east-1"],
      defaultRegion: "us-east-1",
      maxAttempts: 2,
      endpoint: "http://127.0.0.1:1",
    };
    try {
      createAwsContext(settings, "mars-1");
      expect.unreachable();
    } catch (err) {
      expect((err as AwsError).problem).toMatchObject({
        code: "unknown-region",
        region: "mars-1",
        retryable: false,
      });
    }
    const a = createAwsContext(settings, "us-east-1");
    const b = createAwsContext({ ...settings }, "us-east-1");
    expect(a.region).toBe("us-east-1");
    expect(a).not.toBe(b);
    expect(Object.keys(a)).toEqual(["region"]);
    expect(clientsOf(a)).toBe(clientsOf(b));
    const listener = () => {};
    const counted = createAwsContext(settings, "us-east-1", { onRequest: listener });
    expect(clientsOf(counted)).not.toBe(clientsOf(a));
    expect(clientsOf(createAwsContext(settings, "us-east-1", { onRequest: listener }))).toBe(
      clientsOf(counted),
    );
    expect(clientsOf(createAwsContext(settings, "eu-west-1"))).not.toBe(clientsOf(a));
  });
});
