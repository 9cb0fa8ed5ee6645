import { describe, expect, it } from "vitest";
import { storeRevocations } from "./revocations";
import { revokedSessions } from "@/lib/adapters/db/schema";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
warmUp(dbs);

describe.each(BACKENDS)("storeRevocations (%s)", (backend) => {
  it("refuses a revoked session until its expiry, then forgets it on a later write", async () => {
    const { db } = await dbs.open(backend);
    const clock = { t: 1_000 };
    const revocations = storeRevocations(
      async () => db,
      () => clock.t,
    );
    expect(await revocations.isRevoked("s1")).toBe(false);
    await revocations.revoke("s1", 5_000);
    expect(await revocations.isRevoked("s1")).toBe(true);
    expect(await revocations.isRevoked("s2")).toBe(false);
    expect(await revocations.isRevoked("constructor")).toBe(false);
    clock.t = 5_000;
    expect(await revocations.isRevoked("s1")).toBe(false);
    await revocations.revoke("s2", 9_000);
    expect((await db.select().from(revokedSessions)).map((r) => r.sid)).toEqual(["s2"]);
  });

  it("is seen by another replica on the same database", async () => {
    const { db } = await dbs.open(backend);
    await storeRevocations(async () => db).revoke("s1", Date.now() + 60_000);
    expect(await storeRevocations(async () => db).isRevoked("s1")).toBe(true);
  });
});
