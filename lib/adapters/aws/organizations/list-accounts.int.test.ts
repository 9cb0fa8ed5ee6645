import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsError } from "@/lib/adapters/aws/errors";
import { listOrganizationAccounts } from "./list-accounts";

// An endpoint that accepts the connection and never answers: what a dead proxy or a black-holed route looks like.
let server: Server;
const sockets: Socket[] = [];
let endpoint: string;
beforeAll(async () => {
  server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe("listOrganizationAccounts on a silent endpoint", () => {
  it("gives up with an AwsError after the shared request timeout instead of hanging", async () => {
    const started = Date.now();
    const err = await listOrganizationAccounts({
      endpoint,
      regions: ["us-east-1"],
      defaultRegion: "us-east-1",
      maxAttempts: 1,
      credentials: { accessKeyId: "AKIDSILENT", secretAccessKey: "silent" },
    }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(err).toBeInstanceOf(AwsError);
    expect((err as AwsError).problem.operation).toBe("ListAccounts");
    // clientConfig's request timeout is 10 s; without it the SDK waits on the socket for ever.
    expect(elapsed).toBeGreaterThanOrEqual(9_000);
    expect(elapsed).toBeLessThan(14_000);
  }, 20_000);
});
