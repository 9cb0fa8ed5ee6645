import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/web/auth/roles";

const session = vi.hoisted(() => ({ user: null as SessionUser | null, down: false }));
vi.mock("@/lib/web/auth/session", () => ({
  getSessionUser: async () => {
    if (session.down) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    return session.user;
  },
}));

const { validatedAction } = await import("./validated-action");
const { success } = await import("./action-result");

const schema = z.object({
  name: z.string().min(3, "At least 3 characters."),
  ids: z.array(z.string()).min(1),
});

function makeAction() {
  const calls: { input: unknown; user: SessionUser }[] = [];
  const action = validatedAction(schema, "operator", async (input, user) => {
    calls.push({ input, user });
    return success({ saved: input.name });
  });
  return { action, calls };
}

function form(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe("validatedAction", () => {
  beforeEach(() => {
    session.user = null;
    session.down = false;
  });

  it("says the database is unavailable (not that the session ended) during an outage", async () => {
    const { action, calls } = makeAction();
    session.down = true;
    expect(await action(null, { name: "orders", ids: ["a"] })).toMatchObject({
      ok: false,
      code: "database-unavailable",
      message: expect.stringMatching(/still signed in/),
    });
    session.down = false;
    session.user = { name: "olga", role: "operator" };
    const failing = validatedAction(schema, "operator", async () => {
      throw new Error("Failed query", { cause: Object.assign(new Error("x"), { code: "57P01" }) });
    });
    expect(await failing(null, { name: "orders", ids: ["a"] })).toMatchObject({
      code: "database-unavailable",
    });
    expect(calls).toEqual([]);
  });

  it("refuses a signed-out caller without running the action", async () => {
    const { action, calls } = makeAction();
    expect(await action(null, { name: "orders", ids: ["a"] })).toEqual({
      ok: false,
      code: "unauthenticated",
      message: "Your session has ended. Sign in again.",
    });
    expect(calls).toEqual([]);
  });

  it("refuses a viewer for an operator action", async () => {
    session.user = { name: "vera", role: "viewer" };
    const { action, calls } = makeAction();
    expect(await action(null, { name: "orders", ids: ["a"] })).toEqual({
      ok: false,
      code: "forbidden",
      message: "This needs the operator role; you are signed in as viewer.",
    });
    expect(calls).toEqual([]);
  });

  it("returns field errors for invalid input", async () => {
    session.user = { name: "otto", role: "operator" };
    const { action, calls } = makeAction();
    const result = await action(null, form([["name", "ab"]]));
    expect(result).toEqual({
      ok: false,
      code: "invalid-input",
      message: "Some fields need attention.",
      fieldErrors: {
        name: ["At least 3 characters."],
        ids: ["Invalid input: expected array, received undefined"],
      },
    });
    expect(calls).toEqual([]);
  });

  it("runs with parsed form data (repeated names become lists) and the user", async () => {
    session.user = { name: "otto", role: "operator" };
    const { action, calls } = makeAction();
    const result = await action(
      null,
      form([
        ["name", "orders"],
        ["ids", "a"],
        ["ids", "b"],
        ["$ACTION_ID_x", ""],
      ]),
    );
    expect(result).toEqual({ ok: true, data: { saved: "orders" } });
    expect(calls).toEqual([
      { input: { name: "orders", ids: ["a", "b"] }, user: { name: "otto", role: "operator" } },
    ]);
  });

  it("turns an AwsError into a failure and rethrows anything else", async () => {
    session.user = { name: "otto", role: "operator" };
    const awsError = Object.assign(new Error("x"), {
      name: "AwsError",
      problem: {
        code: "invalid-state",
        message: "orders-redis7 is busy (modifying). Try again when it is available.",
        retryable: true,
      },
    });
    const failing = validatedAction(schema, "viewer", async () => {
      throw awsError;
    });
    expect(await failing(null, { name: "orders", ids: ["a"] })).toEqual({
      ok: false,
      code: "invalid-state",
      message: "orders-redis7 is busy (modifying). Try again when it is available.",
    });
    const broken = validatedAction(schema, "viewer", async () => {
      throw new TypeError("bug");
    });
    await expect(broken(null, { name: "orders", ids: ["a"] })).rejects.toThrow("bug");
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "treats a form field named %s as a plain field, not as a property every object has",
    async (name) => {
      session.user = { name: "olga", role: "operator" };
      const seen: unknown[] = [];
      const action = validatedAction(
        z.object({ step: z.string() }).catchall(z.union([z.string(), z.array(z.string())])),
        "operator",
        async (input) => {
          seen.push(input);
          return success(null);
        },
      );
      expect(
        await action(
          null,
          form([
            ["step", "target"],
            [name, "x"],
          ]),
        ),
      ).toEqual({ ok: true, data: null });
      expect(Object.getPrototypeOf(seen[0])).toBe(Object.prototype);
      expect(Object.entries(seen[0] as object)).toEqual(
        name === "__proto__"
          ? [["step", "target"]]
          : [
              ["step", "target"],
              [name, "x"],
            ],
      );
    },
  );
});
