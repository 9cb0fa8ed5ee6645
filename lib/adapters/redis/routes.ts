/**
 * Routes to the engines. ElastiCache endpoints are VPC-internal: QueueReady reaches them directly when it runs
 * in the VPC, or through routes (`QUEUEREADY_ENGINE_ROUTES`, a JSON map `"host:port"` → `"host:port"`, as an
 * SSM port forward or a bastion gives). For a cluster the same map is ioredis's `natMap`, which translates
 * the node addresses the cluster announces.
 */
import { z } from "zod";

const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const hostPort = z
  .string()
  .regex(
    HOST_PORT,
    'Each entry is "host:port" (e.g. "my-cache.abc123.ng.0001.use1.cache.amazonaws.com:6379").',
  )
  .refine((v) => Number(v.split(":")[1]) <= 65535, "The port must be 65535 or less.");

export const engineRoutesSchema = z.record(hostPort, hostPort);

export interface Address {
  host: string;
  port: number;
}

export type EngineRoutes = Record<string, Address>;

function address(value: string): Address {
  const i = value.lastIndexOf(":");
  return { host: value.slice(0, i), port: Number(value.slice(i + 1)) };
}

export type RoutesRead = { ok: true; routes: EngineRoutes } | { ok: false; message: string };

/** Reads QUEUEREADY_ENGINE_ROUTES; absent or empty means no routes (direct connections). */
export function readEngineRoutes(env: Record<string, string | undefined> = process.env): RoutesRead {
  const raw = env.QUEUEREADY_ENGINE_ROUTES?.trim();
  if (!raw) return { ok: true, routes: {} };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return {
      ok: false,
      message: 'QUEUEREADY_ENGINE_ROUTES is not JSON: give an object of "host:port" → "host:port".',
    };
  }
  const parsed = engineRoutesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `QUEUEREADY_ENGINE_ROUTES: ${issue?.message ?? "invalid"}` };
  }
  return {
    ok: true,
    routes: Object.fromEntries(
      Object.entries(parsed.data).map(([from, to]) => [from.toLowerCase(), address(to)]),
    ),
  };
}

/** Where to connect for `host:port`: the route when there is one, else the endpoint itself. */
export function routeTo(routes: EngineRoutes, host: string, port: number): Address & { routed: boolean } {
  const to = routes[`${host.toLowerCase()}:${port}`];
  return to ? { ...to, routed: true } : { host, port, routed: false };
}
