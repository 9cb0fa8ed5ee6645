/**
 * The JSON control API under `/_sandbox/`, mirroring `SandboxControl`: reset, config, faults, call
 * counters and health. It listens on the same loopback socket as the AWS endpoint.
 *
 * Loopback is not enough: any web page a developer opens can make the browser send a "simple" cross-site
 * POST (a form, or fetch with a text/plain body) to 127.0.0.1. So a POST must say `content-type:
 * application/json` (a browser sends that cross-site only after a CORS preflight, which this API never
 * grants), and any request whose Origin is not a loopback one (a page elsewhere, `null`, a DNS-rebound
 * name) is refused. Scripts, tests and curl send no Origin.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { validateFault } from "./faults";
import type { SandboxControl, SandboxOptions } from "./control";

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether an Origin header names a page served from this machine's loopback (any port, http or https). */
function isLoopbackOrigin(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  return /^https?:$/.test(url.protocol) && LOOPBACK_HOSTS.has(url.hostname);
}

/** Why this request may not use the control API (status and message), or undefined when it may. */
function refusalOf(req: IncomingMessage): { status: number; error: string } | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin))
    return { status: 403, error: "The control API answers only loopback origins and scripts." };
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (req.method === "POST" && type !== "application/json")
    return { status: 415, error: "A control POST must be sent with content-type: application/json." };
  return undefined;
}

function parseJson(raw: string): Record<string, unknown> {
  if (raw.trim() === "") return {};
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new Error("The body must be a JSON object.");
  return parsed as Record<string, unknown>;
}

function seedOf(body: Record<string, unknown>): SandboxOptions["seed"] {
  const seed = body.seed;
  if (seed === undefined || seed === "default" || seed === "single" || seed === "empty") return seed;
  if (
    typeof seed === "object" &&
    seed !== null &&
    typeof (seed as { clusters?: unknown }).clusters === "number"
  ) {
    return seed as SandboxOptions["seed"];
  }
  throw new Error(
    'seed is "default", "single", "empty" or {"clusters": N, "regions"?: [...], "seed"?: number}.',
  );
}

function optionalNumber(body: Record<string, unknown>, key: string): number | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
    throw new Error(`${key} must be a non-negative number.`);
  return v;
}

export async function handleControl(
  control: SandboxControl,
  req: IncomingMessage,
  res: ServerResponse,
  raw: string,
): Promise<void> {
  const route = `${req.method} ${(req.url ?? "").split("?")[0]}`;
  const refused = refusalOf(req);
  if (refused) return json(res, refused.status, { ok: false, error: refused.error });
  try {
    const body = req.method === "POST" ? parseJson(raw) : {};
    switch (route) {
      case "GET /_sandbox/health":
        return json(res, 200, { ok: true, regions: control.regions() });
      case "GET /_sandbox/accounts":
        return json(res, 200, control.accounts());
      case "POST /_sandbox/reset":
        control.reset(seedOf(body));
        // The engines restart with the state: answer once they serve it.
        await control.engines();
        return json(res, 200, { ok: true, regions: control.regions() });
      case "POST /_sandbox/config":
        control.configure({
          latencyMs: optionalNumber(body, "latencyMs"),
          applyDelayMs: optionalNumber(body, "applyDelayMs"),
        });
        return json(res, 200, { ok: true });
      case "POST /_sandbox/faults":
        control.addFault(validateFault(body));
        return json(res, 200, { ok: true });
      case "DELETE /_sandbox/faults":
        control.clearFaults();
        return json(res, 200, { ok: true });
      case "GET /_sandbox/engines":
        return json(res, 200, await control.engines());
      case "GET /_sandbox/engines/ca": {
        const pem = await control.engineCa();
        if (!pem) return json(res, 404, { ok: false, error: "No engine serves TLS." });
        res.writeHead(200, { "content-type": "application/x-pem-file" });
        return void res.end(pem);
      }
      case "GET /_sandbox/calls":
        return json(res, 200, control.calls());
      case "DELETE /_sandbox/calls":
        control.resetCalls();
        return json(res, 200, { ok: true });
      default:
        return json(res, 404, { ok: false, error: `No control route ${route}.` });
    }
  } catch (e) {
    json(res, 400, { ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}
