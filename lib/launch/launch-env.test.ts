import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { MISSING_SECRET_MESSAGE } from "@/lib/web/auth/auth-secret";
import { buildAuthOptions } from "@/lib/web/auth/options";
import { demoServerEnv, portFrom, startProblems } from "@/lib/launch/launch-env";

const users = JSON.stringify([
  { username: "alice", role: "operator", passwordHash: bcrypt.hashSync("pw", 4) },
]);

describe("startProblems", () => {
  it("accepts a complete real-account configuration", () => {
    expect(
      startProblems({
        NEXTAUTH_SECRET: "s".repeat(32),
        QUEUEREADY_USERS: users,
        QUEUEREADY_REGIONS: "us-east-1,eu-west-1",
      }),
    ).toEqual([]);
  });

  it("refuses to start without a secret, without users and with a malformed region, naming each", () => {
    expect(startProblems({ QUEUEREADY_REGIONS: "us-east-1,Frankfurt" })).toEqual([
      MISSING_SECRET_MESSAGE,
      "No one can sign in: set QUEUEREADY_USERS or QUEUEREADY_USERS_FILE (see README), or configure OIDC.",
      '"Frankfurt" is not an AWS region name (expected something like us-east-1). Check QUEUEREADY_REGIONS.',
    ]);
  });

  it("refuses a blank or short secret and says how to make one", () => {
    const [problem] = startProblems({ NEXTAUTH_SECRET: " ", QUEUEREADY_USERS: users });
    expect(problem).toContain("NEXTAUTH_SECRET is 0 bytes long");
    expect(problem).toContain("openssl rand -base64 32");
  });

  it("reports a broken users configuration", () => {
    expect(startProblems({ AUTH_SECRET: "s".repeat(32), QUEUEREADY_USERS: "[{" })).toEqual([
      "QUEUEREADY_USERS is not valid JSON.",
    ]);
  });

  it("stops on a Refresh minimum age that is not a whole number of seconds", () => {
    const env = { AUTH_SECRET: "s".repeat(32), QUEUEREADY_USERS: users };
    expect(startProblems({ ...env, QUEUEREADY_REFRESH_MIN_AGE_SECONDS: "0" })).toEqual([]);
    expect(startProblems({ ...env, QUEUEREADY_AUDIT_WORKERS: "2" })).toEqual([]);
    expect(startProblems({ ...env, QUEUEREADY_AUDIT_WORKERS: "0" })).toEqual([
      "QUEUEREADY_AUDIT_WORKERS must be a whole number from 1 to 16.",
    ]);
    expect(startProblems({ ...env, QUEUEREADY_REFRESH_MIN_AGE_SECONDS: "30s" })).toEqual([
      "QUEUEREADY_REFRESH_MIN_AGE_SECONDS must be a whole number of seconds (0 for none).",
    ]);
  });
});

describe("startProblems with notifications", () => {
  it("stops on a weak webhook secret or a malformed Slack URL, never repeating the value", () => {
    const problems = startProblems({
      NEXTAUTH_SECRET: "s".repeat(32),
      QUEUEREADY_USERS: users,
      QUEUEREADY_WEBHOOK_URL: "https://hooks.example.com/qr",
      QUEUEREADY_WEBHOOK_SECRET: "hunter2",
      QUEUEREADY_SLACK_WEBHOOK_URL: "hooks.slack.com/services/T0/B0/SECRETTOKEN",
    });
    expect(problems).toEqual([
      "QUEUEREADY_WEBHOOK_SECRET is too weak: it needs at least 32 bytes (make one with: openssl rand -hex 32). QUEUEREADY_SLACK_WEBHOOK_URL must be an http(s) URL.",
    ]);
    expect(problems.join(" ")).not.toMatch(/hunter2|SECRETTOKEN/);
  });
});

describe("startProblems with a plan-signing key", () => {
  it("stops on a weak QUEUEREADY_PLAN_SIGNING_KEY without repeating it, and starts without one", () => {
    const base = { NEXTAUTH_SECRET: "s".repeat(32), QUEUEREADY_USERS: users };
    expect(startProblems(base)).toEqual([]);
    const problems = startProblems({ ...base, QUEUEREADY_PLAN_SIGNING_KEY: "abc".repeat(12) });
    expect(problems).toEqual([expect.stringMatching(/^QUEUEREADY_PLAN_SIGNING_KEY has only 3 distinct/)]);
    expect(problems.join(" ")).not.toMatch(/abcabc/);
  });
});

describe("startProblems with trusted proxies", () => {
  it("refuses a malformed QUEUEREADY_TRUSTED_PROXIES at start instead of a sign-in that never works", () => {
    const base = { NEXTAUTH_SECRET: "s".repeat(32), QUEUEREADY_USERS: users };
    expect(startProblems({ ...base, QUEUEREADY_TRUSTED_PROXIES: "10.0.0.5, 10.0.0.0/24" })).toEqual([]);
    expect(startProblems({ ...base, QUEUEREADY_TRUSTED_PROXIES: "10.0.0.0/33" })).toEqual([
      'QUEUEREADY_TRUSTED_PROXIES: "10.0.0.0/33" is not an IP address or CIDR (e.g. 10.0.0.5 or 10.0.0.0/24).',
    ]);
  });
});

describe("startProblems with an accounts file", () => {
  it("stops on a malformed QUEUEREADY_ACCOUNTS_FILE with its line and the reason", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "launch-"));
    const file = path.join(dir, "accounts.json");
    fs.writeFileSync(file, '{\n  "organization": {\n    "memberRoleName": "Org Access"\n  }\n}\n');
    const env = { NEXTAUTH_SECRET: "s".repeat(32), QUEUEREADY_USERS: users, QUEUEREADY_ACCOUNTS_FILE: file };
    expect(startProblems(env)).toEqual([
      `${file}:3: organization.memberRoleName must be an IAM role name (1-64 of letters, digits and +=,.@_-)`,
    ]);
    fs.writeFileSync(file, '{"organization": {}, "concurrency": 4}');
    expect(startProblems(env)).toEqual([]);
    expect(startProblems({ ...env, QUEUEREADY_SCOPE_CONCURRENCY: "100" })).toEqual([
      'QUEUEREADY_SCOPE_CONCURRENCY must be a whole number from 1 to 64, not "100".',
    ]);
  });
});

describe("demoServerEnv", () => {
  it("points at the sandbox in demo mode with a fresh secret each run", () => {
    const a = demoServerEnv(
      { PATH: "/usr/bin", AWS_PROFILE: "prod" },
      { port: 3100, sandboxUrl: "http://127.0.0.1:4566" },
    );
    const b = demoServerEnv({}, { port: 3100, sandboxUrl: "http://127.0.0.1:4566" });
    expect(a).toMatchObject({
      PATH: "/usr/bin",
      QUEUEREADY_DEMO: "1",
      QUEUEREADY_AWS_ENDPOINT: "http://127.0.0.1:4566",
      QUEUEREADY_REGIONS: "us-east-1,eu-west-1",
      NEXTAUTH_URL: "http://127.0.0.1:3100",
      AWS_PROFILE: "",
      NEXT_TELEMETRY_DISABLED: "1",
    });
    expect(a.NEXTAUTH_SECRET).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.NEXTAUTH_SECRET).not.toBe(b.NEXTAUTH_SECRET);
    // The demo's own secret passes the same bar as a real one.
    expect(Buffer.byteLength(a.NEXTAUTH_SECRET!)).toBeGreaterThanOrEqual(32);
    expect(buildAuthOptions(a).secret).toBe(a.NEXTAUTH_SECRET);
  });
});

describe("portFrom", () => {
  it("reads a port or falls back, and refuses nonsense", () => {
    expect(portFrom(undefined, 3000, "PORT")).toBe(3000);
    expect(portFrom("8080", 3000, "PORT")).toBe(8080);
    expect(() => portFrom("80a", 3000, "PORT")).toThrow('PORT must be a port number (1-65535), not "80a".');
    expect(() => portFrom("70000", 3000, "SANDBOX_PORT")).toThrow("SANDBOX_PORT must be a port number");
  });
});

describe("the demo's accounts file", () => {
  it("is organization mode with the member role AWS creates, and passes npm start's checks", async () => {
    const { demoAccountsText, writeDemoAccountsFile } = await import("@/tools/demo/demo-accounts");
    expect(JSON.parse(demoAccountsText())).toEqual({
      organization: { memberRoleName: "OrganizationAccountAccessRole", externalId: "queueready-sandbox" },
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qr-accounts-"));
    const file = writeDemoAccountsFile(dir);
    expect(
      startProblems({
        NEXTAUTH_SECRET: "s".repeat(32),
        QUEUEREADY_USERS: users,
        QUEUEREADY_ACCOUNTS_FILE: file,
      }),
    ).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
