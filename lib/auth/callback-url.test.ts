import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInErrorMessage } from "@/lib/auth/callback-url";

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
  ])("%j -> %s", (input, expected) => {
    expect(safeCallbackPath(input, "http://127.0.0.1:3000")).toBe(expected);
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
});
