/**
 * Helpers of the drift-alert integration test: the AWS CLI against the sandbox (as an operator would
 * break a cluster), a poller, two replicas' database handles, and the audit slot behind an event.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { latestAudit } from "@/lib/adapters/db/audits";
import { openDatabase, type Database, type Db } from "@/lib/adapters/db/open";
import { auditRuns } from "@/lib/adapters/db/schema";
import { eventById } from "@/lib/adapters/db/target-events";
import { awsCliEnv } from "./cli-helpers";
import { memoryDatabase, type Backend, type TestDatabases } from "./test-db";

const run = promisify(execFile);

/** `aws --endpoint-url <sandbox> ...` with the sandbox's keys and no local AWS configuration. */
export async function awsCli(endpoint: string, ...args: string[]): Promise<string> {
  const env = awsCliEnv();
  const { stdout } = await run("aws", ["--endpoint-url", endpoint, "--region", "us-east-1", ...args], {
    env,
  });
  return stdout;
}

/** Waits until the replication group is `available` again: a modification is done only then. */
export async function waitAvailable(endpoint: string, id: string): Promise<void> {
  await waitFor(`${id} to be available`, async () => {
    const out = await awsCli(
      endpoint,
      "elasticache",
      "describe-replication-groups",
      "--replication-group-id",
      id,
    );
    const groups = (JSON.parse(out) as { ReplicationGroups: { Status: string }[] }).ReplicationGroups;
    return groups[0]?.Status === "available" ? true : undefined;
  });
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Two replicas' databases: two connection pools to one PostgreSQL database, or the one embedded. */
export async function replicaDatabases(
  dbs: TestDatabases,
  backend: Backend,
): Promise<[Db, Db, () => Promise<void>]> {
  if (backend === "embedded") {
    const one = await memoryDatabase();
    return [one.db, one.db, () => one.close()];
  }
  const url = await (await dbs.server()).createDatabase(`alerts_${process.pid}`);
  const opened: Database[] = [];
  for (let i = 0; i < 2; i++) opened.push(await openDatabase({ kind: "postgres", url, dataDir: "" }));
  return [opened[0]!.db, opened[1]!.db, async () => void (await Promise.all(opened.map((d) => d.close())))];
}

export async function nextAuditFinished(db: Db): Promise<void> {
  const before = (await latestAudit(db))?.run.id;
  await waitFor("the next audit", async () => {
    const id = (await latestAudit(db))?.run.id;
    return id && id !== before ? id : undefined;
  });
}

/** When the slot of the audit that recorded the event began (ms). */
export async function slotOfEvent(db: Db, eventId: string): Promise<number> {
  const event = await eventById(db, eventId);
  const [row] = await db.select().from(auditRuns).where(eq(auditRuns.id, event!.auditId!));
  return Date.parse(row!.slot);
}
