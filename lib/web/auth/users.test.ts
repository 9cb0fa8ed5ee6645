import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, loadUsers, UsersConfigError } from "./users";

const hash = bcrypt.hashSync("s3cret", 4);

describe("loadUsers", () => {
  it("reads QUEUEREADY_USERS", () => {
    const env = {
      QUEUEREADY_USERS: JSON.stringify([{ username: "alice", role: "operator", passwordHash: hash }]),
    };
    expect(loadUsers(env)).toEqual([{ username: "alice", role: "operator", passwordHash: hash }]);
  });

  it("reads the file named by QUEUEREADY_USERS_FILE", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "qr-users-")), "users.json");
    writeFileSync(file, JSON.stringify([{ username: "carol", role: "viewer", passwordHash: hash }]));
    expect(loadUsers({ QUEUEREADY_USERS_FILE: file })).toEqual([
      { username: "carol", role: "viewer", passwordHash: hash },
    ]);
  });

  it("adds viewer and operator in demo mode, hashed at startup", () => {
    const users = loadUsers({ QUEUEREADY_DEMO: "1" });
    expect(users.map((u) => [u.username, u.role])).toEqual([
      ["viewer", "viewer"],
      ["operator", "operator"],
    ]);
    for (const u of users) {
      expect(u.passwordHash).toMatch(/^\$2b\$10\$/);
      expect(bcrypt.compareSync(DEMO_PASSWORD, u.passwordHash)).toBe(true);
    }
  });

  it("has no users without configuration or demo mode", () => {
    expect(loadUsers({})).toEqual([]);
  });

  it.each([
    ["not json", "QUEUEREADY_USERS is not valid JSON."],
    [
      JSON.stringify([{ username: "a", role: "root", passwordHash: hash }]),
      "QUEUEREADY_USERS: entry 0.role is invalid",
    ],
    [
      JSON.stringify([{ username: "a", role: "viewer", passwordHash: "plain" }]),
      "QUEUEREADY_USERS: entry 0.passwordHash is invalid",
    ],
    [
      JSON.stringify([
        { username: "dave", role: "viewer", passwordHash: hash },
        { username: "Dave", role: "operator", passwordHash: hash },
      ]),
      'User "Dave" is configured twice.',
    ],
  ])("refuses a broken configuration %#", (json, message) => {
    expect(() => loadUsers({ QUEUEREADY_USERS: json })).toThrow(UsersConfigError);
    expect(() => loadUsers({ QUEUEREADY_USERS: json })).toThrow(message);
  });

  it("says which file cannot be read", () => {
    expect(() => loadUsers({ QUEUEREADY_USERS_FILE: "/nonexistent/users.json" })).toThrow(
      "QUEUEREADY_USERS_FILE /nonexistent/users.json cannot be read.",
    );
  });
});

describe("admins and operators limited to accounts", () => {
  const hash = bcrypt.hashSync("x", 4);
  it("reads the admin role and an optional list of accounts, and refuses a malformed account id", () => {
    const users = loadUsers({
      QUEUEREADY_USERS: JSON.stringify([
        { username: "root", role: "admin", passwordHash: hash },
        { username: "sam", role: "operator", passwordHash: hash, accounts: ["111111111111"] },
      ]),
    });
    expect(users.map((u) => [u.username, u.role, u.accounts])).toEqual([
      ["root", "admin", undefined],
      ["sam", "operator", ["111111111111"]],
    ]);
    expect(() =>
      loadUsers({
        QUEUEREADY_USERS: JSON.stringify([
          { username: "s", role: "operator", passwordHash: hash, accounts: ["prod"] },
        ]),
      }),
    ).toThrow("entry 0.accounts.0 is invalid");
  });
});
