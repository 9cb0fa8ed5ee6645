/**
 * Where the audit worker's code is. Next bundles the server's code, so the worker cannot be a module of
 * that bundle: it is its own entry point, lib/launch/audit-worker.ts. The image ships it compiled to
 * plain JavaScript (launch/audit-worker.mjs, as it does the launcher); everywhere else (`npm start`,
 * `next dev`, the demo, the tests) the TypeScript runs through tsx, as the launcher and the CLI do.
 * Paths are from the working directory, which every way of running the app sets to the app's root.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** A worker's code: a file to run, or (for tsx) a line of JavaScript that loads the TypeScript entry. */
export interface WorkerScript {
  source: string;
  eval: boolean;
}

export const BUILT_WORKER = path.join("launch", "audit-worker.mjs");
export const SOURCE_WORKER = path.join("lib", "launch", "audit-worker.ts");

export function auditWorkerScript(root = process.cwd()): WorkerScript {
  const built = path.join(root, BUILT_WORKER);
  if (existsSync(built)) return { source: built, eval: false };
  const source = path.join(root, SOURCE_WORKER);
  if (!existsSync(source))
    throw new Error(
      `The audit worker is missing: neither ${BUILT_WORKER} nor ${SOURCE_WORKER} is in ${root}.`,
    );
  // Node 20 ignores --import in a worker's execArgv, so tsx is loaded by the worker's first line instead.
  const url = JSON.stringify(pathToFileURL(source).href);
  return { source: `import("tsx/esm/api").then((tsx) => tsx.tsImport(${url}, ${url}));`, eval: true };
}
