/**
 * Liveness and readiness for load balancers and orchestrators. Liveness says the process answers;
 * readiness also needs the database to answer within two seconds. Neither says more than that: no
 * versions, no error text, no data (the route needs no session, so anyone may ask).
 */
import { z } from "zod";

export const healthQuerySchema = z.object({ probe: z.enum(["live", "ready"]).default("live") }).strict();

export type HealthAnswer = {
  status: number;
  body: { status: "ok" | "ready" | "not-ready"; database?: "ok" | "unavailable" };
};

const TIMEOUT_MS = 2_000;

export async function health(probe: "live" | "ready", ping: () => Promise<void>): Promise<HealthAnswer> {
  if (probe === "live") return { status: 200, body: { status: "ok" } };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS);
  });
  try {
    await Promise.race([ping(), timeout]);
    return { status: 200, body: { status: "ready", database: "ok" } };
  } catch {
    return { status: 503, body: { status: "not-ready", database: "unavailable" } };
  } finally {
    clearTimeout(timer);
  }
}
