import { describe, expect, it } from "vitest";
import { metricsAccess } from "./token";

describe("metricsAccess", () => {
  const token = "s3cret-metrics-token-0123456789";
  it("allows exactly the configured bearer token", () => {
    expect(metricsAccess(`Bearer ${token}`, token)).toBe("allowed");
    expect(metricsAccess(`bearer ${token}`, ` ${token} `)).toBe("allowed");
  });
  it("refuses a missing, malformed or wrong token, and everything when none is configured", () => {
    expect(metricsAccess(null, token)).toBe("missing-token");
    expect(metricsAccess(token, token)).toBe("missing-token");
    expect(metricsAccess("Basic dXNlcjpwYXNz", token)).toBe("missing-token");
    expect(metricsAccess(`Bearer ${token}x`, token)).toBe("wrong-token");
    expect(metricsAccess(`Bearer ${token.slice(0, 5)}`, token)).toBe("wrong-token");
    expect(metricsAccess(`Bearer ${token}`, undefined)).toBe("disabled");
    expect(metricsAccess(`Bearer ${token}`, "  ")).toBe("disabled");
  });
});
