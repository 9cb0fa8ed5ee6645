import { describe, expect, it } from "vitest";
import { bodyTooLarge, MAX_BODY_BYTES, payloadTooLargeResponse } from "./body-limit";

describe("bodyTooLarge", () => {
  it.each([
    { length: null, tooLarge: false },
    { length: "0", tooLarge: false },
    { length: String(MAX_BODY_BYTES), tooLarge: false },
    { length: String(MAX_BODY_BYTES + 1), tooLarge: true },
    { length: "99999999999999999", tooLarge: true },
    { length: "12, 13", tooLarge: true },
    { length: "-1", tooLarge: true },
  ])("content-length $length → $tooLarge", ({ length, tooLarge }) => {
    expect(bodyTooLarge(length)).toBe(tooLarge);
  });

  it("answers 413 in plain words", async () => {
    const response = payloadTooLargeResponse();
    expect(response.status).toBe(413);
    expect(await response.text()).toBe("Request body too large: QueueReady accepts at most 1 MB.\n");
  });
});
