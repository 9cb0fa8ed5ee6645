import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { authBodyProblem } from "./auth-body";
import { buildAuthOptions } from "./options";

const options = buildAuthOptions({
  NEXTAUTH_SECRET: "s".repeat(32),
  QUEUEREADY_USERS: JSON.stringify([
    { username: "alice", role: "operator", passwordHash: bcrypt.hashSync("pw", 4) },
  ]),
});
const base = "http://127.0.0.1:3000";
const redirect = (url: unknown) => options.callbacks!.redirect!({ url: url as string, baseUrl: base });

describe("next-auth's redirect callback", () => {
  it.each([
    ["foo", `${base}/foo`],
    ["", `${base}/status`],
    ["http://", `${base}/status`],
    ["https://evil.example/x", `${base}/status`],
    ["//evil.example", `${base}/status`],
    ["javascript:alert(1)", `${base}/status`],
    ["/\t/evil.example", `${base}/status`],
    ["%", `${base}/%`],
    [["/a", "/b"], `${base}/status`],
    [{ href: "/x" }, `${base}/status`],
    [42, `${base}/status`],
    ["http://[::1", `${base}/status`],
  ])("answers %j with %s instead of throwing", async (url, expected) => {
    expect(await redirect(url)).toBe(expected);
  });

  it("keeps paths on this site, and sends sign-out to the sign-in page", async () => {
    expect(await redirect("/status?region=eu-west-1")).toBe(`${base}/status?region=eu-west-1`);
    expect(await redirect(`${base}/wizard/target`)).toBe(`${base}/wizard/target`);
    expect(await redirect("/sign-in")).toBe(`${base}/sign-in`);
  });
});

const post = (body: string, type: string) =>
  new Request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": type },
    body,
  });

describe("authBodyProblem", () => {
  it("refuses a body next-auth would crash on, with the reason", async () => {
    expect(await authBodyProblem(post("{not json", "application/json"))).toBe("The body is not valid JSON.");
    expect(await authBodyProblem(post('{"callbackUrl":{"a":1}}', "application/json"))).toMatch(
      /expected string/i,
    );
    expect(await authBodyProblem(post("[1,2]", "application/json"))).toMatch(/object of text fields/);
    expect(await authBodyProblem(post("null", "application/json"))).toMatch(/object of text fields/);
    expect(await authBodyProblem(post("a=1&a=2", "application/x-www-form-urlencoded"))).toMatch(
      /more than once/,
    );
    expect(
      await authBodyProblem(post(`password=${"x".repeat(5000)}`, "application/x-www-form-urlencoded")),
    ).toMatch(/longer than/);
  });

  it("lets a sign-in form through, and leaves other requests to next-auth", async () => {
    const form = "csrfToken=abc&username=alice&password=pw&callbackUrl=%2Fstatus&json=true";
    expect(await authBodyProblem(post(form, "application/x-www-form-urlencoded"))).toBeNull();
    expect(await authBodyProblem(post('{"username":"alice"}', "application/json"))).toBeNull();
    expect(await authBodyProblem(new Request(`${base}/api/auth/session`))).toBeNull();
  });
});
