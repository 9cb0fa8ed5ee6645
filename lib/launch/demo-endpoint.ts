/**
 * Where a running demo's sandbox listens, written by `npm run demo` and read by `npm run audit -- --demo`,
 * so the CLI can audit the demo's account without anyone copying a URL and dummy keys around. The file is
 * removed when the demo stops; only loopback endpoints are ever accepted from it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export interface DemoEndpoint {
  /** The sandbox's URL, e.g. http://127.0.0.1:4566. */
  url: string;
  /** The regions the demo serves, first the default. */
  regions: string[];
  /**
   * The plan-signing key the demo made for its app when none was set, so `plan --demo` signs and
   * `apply --demo` verifies with the app's key (a demo's throwaway secret, in a file only its user reads).
   */
  planSigningKey?: string;
}

/** The sandbox accepts any signature; these only satisfy the SDK's credential chain. */
export const DEMO_CREDENTIALS = {
  accessKeyId: "AKIAQUEUEREADYDEMO00",
  secretAccessKey: "queueready-demo-secret-key-not-a-real-one",
};

const endpointSchema = z.object({
  url: z.string().regex(/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}$/, "a loopback http URL"),
  regions: z.array(z.string().min(1)).min(1),
  planSigningKey: z.string().min(32).max(200).optional(),
});

export function demoEndpointFile(root: string): string {
  return path.join(root, ".queueready", "demo-endpoint.json");
}

export function writeDemoEndpoint(root: string, endpoint: DemoEndpoint): void {
  const file = demoEndpointFile(root);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(endpointSchema.parse(endpoint), null, 2)}\n`, { mode: 0o600 });
}

export function removeDemoEndpoint(root: string): void {
  rmSync(demoEndpointFile(root), { force: true });
}

/** The running demo's endpoint, or a sentence saying why there is none. */
export function readDemoEndpoint(
  root: string,
): { ok: true; endpoint: DemoEndpoint } | { ok: false; message: string } {
  const file = demoEndpointFile(root);
  const start =
    "start it with `npm run demo` (or set QUEUEREADY_AWS_ENDPOINT and dummy AWS keys, see README)";
  if (!existsSync(file))
    return { ok: false, message: `No running demo found (${file} is missing): ${start}.` };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return { ok: false, message: `${file} is not valid JSON: ${start}.` };
  }
  const parsed = endpointSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: `${file} does not name a local sandbox: ${start}.` };
  return { ok: true, endpoint: parsed.data };
}
