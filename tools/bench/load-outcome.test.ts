import { describe, expect, it } from "vitest";
import { outcomeOf } from "./load-outcome";

describe("outcomeOf", () => {
  it("tells a page, a trip to sign-in, shed load and errors apart", () => {
    expect(outcomeOf(200, null, true)).toBe("complete");
    expect(outcomeOf(200, null, false)).toBe("incomplete");
    expect(outcomeOf(307, "http://127.0.0.1:3000/sign-in?callbackUrl=%2Fstatus", false)).toBe(
      "sent-to-sign-in",
    );
    expect(outcomeOf(302, "/sign-in", false)).toBe("sent-to-sign-in");
    expect(outcomeOf(307, "/status", false)).toBe("error");
    expect(outcomeOf(503, null, false)).toBe("unavailable");
    expect(outcomeOf(429, null, false)).toBe("rate-limited");
    expect(outcomeOf(500, null, false)).toBe("error");
    expect(outcomeOf(0, null, false)).toBe("error");
  });
});
