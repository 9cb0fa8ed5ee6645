import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInErrorMessage } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/status?region=eu-west-1", "/status?region=eu-west-1"],
    ["http://127.0.0.1:3000/status?region=eu-west-1", "/status?region=eu-west-1"],
    ["https://evil.example.com/status", "/status"],
    ["//evil.example.com", "/status"],
    ["/\\evil.example.com", "/status"],
    ["/sign-in?callbackUrl=/x", "/status"],
    ["/api/auth/signout", "/status"],
    [undefined, "/status"],
    [["/a", "/b"], "/status"],
    // What a browser makes of it decides: it drops tabs and line breaks and reads `\` as `/`.
    ["/\t/evil.example", "/status"],
    ["/\n/evil.example", "/status"],
    ["\\\\evil.example", "/status"],
    ["/..//evil.example", "/status"],
    ["http://127.0.0.1:3000//evil.example", "/status"],
    ["/sta\ntus?region=eu-west-1", "/status?region=eu-west-1"],
    ["/\n", "/"],
    ["/wizard/target?id=a b", "/wizard/target?id=a%20b"],
    ["/status/../sign-in", "/status"],
    ["/API/auth/signout", "/status"],
    ["/apidocs", "/apidocs"],
    ["javascript:alert(1)", "/status"],
  ])("%j -> %s", (input, expected) => {
    expect(safeCallbackPath(input, "http://127.0.0.1:3000")).toBe(expected);
  });

  it("without a configured origin accepts only relative paths", () => {
    expect(safeCallbackPath("/changes?x=1", undefined)).toBe("/changes?x=1");
    expect(safeCallbackPath("http://queueready.invalid/changes", undefined)).toBe("/changes");
    expect(safeCallbackPath("/\t/evil.example", undefined)).toBe("/status");
    expect(safeCallbackPath("https://evil.example/x", undefined)).toBe("/status");
  });

  it("never returns control characters (they would break the redirect header)", () => {
    for (let code = 0; code < 32; code++) {
      const out = safeCallbackPath(`/status${String.fromCharCode(code)}x`, "http://127.0.0.1:3000");
      expect(out).not.toMatch(/[\u0000-\u001f]/);
    }
  });
});

describe("signInErrorMessage", () => {
  it("maps next-auth codes and never echoes unknown text from the URL", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe("Wrong username or password.");
    expect(signInErrorMessage("Too many failed sign-in attempts. Try again in 7 minutes.")).toBe(
      "Too many failed sign-in attempts. Try again in 7 minutes.",
    );
    expect(signInErrorMessage("<script>alert(1)</script>")).toBe("Sign-in did not work. Try again.");
    expect(signInErrorMessage(null)).toBeNull();
  });

  it.each([
    "Too many failed sign-in attempts. Call +1 555 0100 to unlock your account.",
    "Too many failed sign-in attempts. Try again in 7 minutes. Or visit evil.example",
    "Too many failed sign-in attempts.",
    "constructor",
    "toString",
    "__proto__",
  ])("shows only known messages, not %j", (code) => {
    expect(signInErrorMessage(code)).toBe("Sign-in did not work. Try again.");
  });

  it("rebuilds the rate-limit line from its minutes", () => {
    expect(signInErrorMessage("Too many failed sign-in attempts. Try again in 1 minute.")).toBe(
      "Too many failed sign-in attempts. Try again in 1 minute.",
    );
  });
});
