/** `npm run verify` on a MemoryDB cluster: INFO read from its real engines through the cluster endpoint, over TLS. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { describeEngines, engineEnv } from "@/tools/testing/engine-sandbox";
import { ACCOUNT_ID } from "@/tools/testing/fixtures";
import { verifyTarget } from "./verify-target";

const h = sandboxPerFile({ applyDelayMs: 200, engines: true });
let env: Record<string, string>;
beforeAll(async () => {
  env = await engineEnv(h.sandbox);
});
afterAll(() => undefined);

const verify = (id: string) =>
  verifyTarget(h.settings, { accountId: ACCOUNT_ID, region: "us-east-1", id }, env).then((r) => {
    if (!r.ok) throw new Error(r.message);
    return r.verification;
  });

describeEngines("verify a MemoryDB cluster on its real engines", () => {
  it("finds a MemoryDB cluster by name and reads the policy its nodes run", async () => {
    const ready = await verify("prod-memdb-default");
    expect(ready.engine).toMatchObject({ maxmemoryPolicy: "noeviction", clusterEnabled: true });
    expect(ready.outcome).toBe("verified");
    // An ACL other than open-access means a username and password: verify asks for them rather than guess.
    expect((await verify("prod-memdb-lru")).outcome).toBe("needs-token");
  });
});
