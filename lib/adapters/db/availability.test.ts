import { describe, expect, it } from "vitest";
import {
  asUnavailable,
  DATABASE_UNAVAILABLE_DIGEST,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  noteDatabaseAnswered,
  noteDatabaseOutage,
  recentDatabaseOutage,
} from "./availability";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("recognises a server that does not answer, directly or wrapped by Drizzle", () => {
    for (const err of [
      withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"),
      new Error("timeout exceeded when trying to connect"),
      new Error("Connection terminated unexpectedly"),
      withCode("terminating connection due to administrator command", "57P01"),
      withCode("the database system is starting up", "57P03"),
      withCode("sorry, too many clients already", "53300"),
      new Error("Failed query: select 1", { cause: withCode("connect ECONNREFUSED", "ECONNREFUSED") }),
      new DatabaseUnavailableError("busy", 1),
    ])
      expect(isDatabaseUnavailable(err), err.message).toBe(true);
  });

  it("does not take a query's own failure for an outage", () => {
    for (const err of [
      withCode('duplicate key value violates unique constraint "x"', "23505"),
      withCode("invalid byte sequence for encoding", "22021"),
      new Error("Failed query: select", { cause: withCode("syntax error", "42601") }),
      new TypeError("Cannot read properties of undefined"),
      "ECONNREFUSED",
    ])
      expect(isDatabaseUnavailable(err)).toBe(false);
  });
});

describe("asUnavailable", () => {
  it("turns an outage into the error a page recognises by its digest, and leaves other errors alone", () => {
    const wrapped = asUnavailable(new Error("Failed query", { cause: withCode("refused", "ECONNREFUSED") }));
    expect(wrapped).toBeInstanceOf(DatabaseUnavailableError);
    expect((wrapped as DatabaseUnavailableError).digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    const bug = new TypeError("bug");
    expect(asUnavailable(bug)).toBe(bug);
  });
});

describe("the process's note of an outage", () => {
  it("lasts a few seconds, then lets the next request try again; an answer clears it at once", () => {
    noteDatabaseOutage(1_000);
    expect(recentDatabaseOutage(1_000)).toBe(5);
    expect(recentDatabaseOutage(4_500)).toBe(2);
    expect(recentDatabaseOutage(6_000)).toBeNull();
    noteDatabaseOutage(10_000);
    noteDatabaseAnswered();
    expect(recentDatabaseOutage(10_000)).toBeNull();
  });
});
