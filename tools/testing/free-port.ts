import { execFileSync } from "node:child_process";

/**
 * A TCP port free on 127.0.0.1 right now, found synchronously (playwright.config.ts cannot await):
 * a child node binds port 0, prints what it got and closes. A small race remains until the server
 * binds it, acceptable for tests on one machine.
 */
export function freePortSync(): number {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
  const port = Number(out.trim());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`Could not find a free port (got "${out}").`);
  return port;
}
