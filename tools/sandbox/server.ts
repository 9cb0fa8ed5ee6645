/**
 * The HTTP side: one loopback listener for both services and the control API, per-call latency counted
 * from the request's arrival, held ("timeout") requests, and a close() that ends every connection it holds.
 */
import http from "node:http";
import type { Socket } from "node:net";
import { handleControl } from "./control-http";
import { dispatch, type DispatchEnv, type SandboxRequest } from "./dispatch";
import type { SandboxControl } from "./control";

const MAX_BODY = 1024 * 1024;

export interface ServerHooks {
  env: DispatchEnv;
  control: SandboxControl;
  latencyMs(): number;
  /** Resolves when side effects of the last settle (engine updates) are done, so answers never run ahead. */
  settled?(): Promise<void>;
  /** Work a request needs before it is answered (fresh engine readings for CloudWatch metrics). */
  prepare?(request: SandboxRequest): Promise<void> | undefined;
}

export interface ListeningServer {
  port: number;
  close(): Promise<void>;
}

/**
 * How long to hold an answer that took `elapsedMs` to receive and build. The latency knob stands for the
 * network round trip, which AWS's own work overlaps: the answer leaves at max(latency, build time) after
 * the request arrived, not latency + build time (a 100-cluster page takes ~10 ms to build, and paying it on
 * top of every page of a sequential walk would make the sandbox slower than the AWS it stands for).
 */
export function answerDelay(latencyMs: number, elapsedMs: number): number {
  return Math.max(0, latencyMs - elapsedMs);
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function listen(hooks: ServerHooks, host: string, port: number): Promise<ListeningServer> {
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const server = http.createServer((req, res) => {
    const received = performance.now();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on("end", () => {
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString("utf8");
      if ((req.url ?? "").startsWith("/_sandbox/")) return void handleControl(hooks.control, req, res, raw);
      const path = (req.url ?? "/").split("?")[0]!;
      // `/service/<Service>/operation/<Op>` is Smithy RPC v2 (CloudWatch's CBOR, as the AWS CLI sends it).
      if (req.method !== "POST" || (path !== "/" && !path.startsWith("/service/"))) {
        res.writeHead(404, { "content-type": "text/plain" });
        return res.end(
          "The sandbox answers AWS query and JSON calls with POST /, Smithy RPC v2 calls under /service/ (and its control API under /_sandbox/).",
        );
      }
      const request: SandboxRequest = {
        authorization: req.headers.authorization,
        securityToken: header(req.headers["x-amz-security-token"]),
        amzTarget: header(req.headers["x-amz-target"]),
        body: size > MAX_BODY ? null : raw,
        path,
        rawBody: size > MAX_BODY ? undefined : bytes,
      };
      const respond = () => {
        const result = dispatch(hooks.env, request);
        const send = () => {
          if (result.kind === "hold") return later(result.holdMs, () => req.socket.destroy());
          res.writeHead(result.status, {
            ...result.headers,
            "content-type": result.contentType,
            "x-amzn-requestid": result.requestId,
          });
          res.end(result.body);
        };
        const answer = () => {
          const delay = answerDelay(hooks.latencyMs(), performance.now() - received);
          if (delay > 0) later(delay, send);
          else send();
        };
        if (hooks.settled) void hooks.settled().then(answer);
        else answer();
      };
      const prepared = hooks.prepare?.(request);
      if (prepared) void prepared.then(respond, respond);
      else respond();
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      resolve({
        port: bound,
        close: () =>
          new Promise<void>((done) => {
            for (const t of timers) clearTimeout(t);
            timers.clear();
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
