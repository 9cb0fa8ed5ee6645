import { describe, expect, it } from "vitest";
import { answerUnavailable } from "./unavailable";
import { DatabaseUnavailableError } from "@/lib/adapters/db/availability";

const request = (accept: string) => new Request("http://127.0.0.1/api/audit/export", { headers: { accept } });

describe("answerUnavailable", () => {
  it("turns an outage met by a route into 503 + Retry-After, saying the session is kept", async () => {
    const refused = await answerUnavailable(request("*/*"), async () => {
      throw new Error("Failed query", {
        cause: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }),
      });
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect((await refused.json()).error).toMatch(/still signed in/);
    const busy = await answerUnavailable(request("text/html"), async () => {
      throw new DatabaseUnavailableError("busy", 1);
    });
    expect([busy.status, busy.headers.get("retry-after"), busy.headers.get("content-type")]).toEqual([
      503,
      "1",
      "text/html; charset=utf-8",
    ]);
  });

  it("passes answers through and rethrows what is not an outage", async () => {
    expect((await answerUnavailable(request("*/*"), async () => new Response("ok"))).status).toBe(200);
    await expect(
      answerUnavailable(request("*/*"), async () => {
        throw new TypeError("bug");
      }),
    ).rejects.toThrow("bug");
  });
});
