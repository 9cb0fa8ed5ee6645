/**
 * Client factories. A context is one region's pair of SDK clients; callers only see `region`, the
 * clients stay inside lib/adapters/aws (reads and writes reach them through `clientsOf`).
 */

import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { ElastiCacheClient } from "@aws-sdk/client-elasticache";
import { EC2Client } from "@aws-sdk/client-ec2";
import { MemoryDBClient } from "@aws-sdk/client-memorydb";
import type { AwsService } from "./errors";
import { cachedBy, clientConfig, clientKey } from "./client-config";
import { assertRegion, type AwsSettings } from "./settings";

/** One region's view of AWS. Opaque: pass it to the lib/adapters/aws functions. */
export interface AwsContext {
  readonly region: string;
}

/** Called once per HTTP request actually sent (each retry counts), e.g. to count calls by operation. */
export type RequestListener = (e: { service: AwsService; operation: string }) => void;

export interface AwsClients {
  elasticache: ElastiCacheClient;
  ec2: EC2Client;
  /** Read only: which stack owns a cluster or the groups it uses. */
  cloudformation: CloudFormationClient;
  /** Amazon MemoryDB: the second service QueueReady audits and fixes. */
  memorydb: MemoryDBClient;
  /** Memory alarms and metrics. */
  cloudwatch: CloudWatchClient;
}

const CACHE_LIMIT = 64;

const clientsByContext = new WeakMap<AwsContext, AwsClients>();
// Keyed by everything that shapes a client. Sharing keeps keep-alive sockets and the adaptive
// retry's rate limiter per region, which is the point of adaptive mode.
interface ClientCacheEntry {
  shared?: AwsClients;
  byListener: WeakMap<RequestListener, AwsClients>;
}
const clientCache = new Map<string, ClientCacheEntry>();

/**
 * Makes (or reuses) the ElastiCache, EC2, CloudFormation and CloudWatch clients for one region: adaptive retry with
 * `settings.maxAttempts`, the endpoint override, short timeouts, and `onRequest` per HTTP request.
 * Throws an `unknown-region` AwsError when `region` is not shaped like an AWS region.
 */
export function createAwsContext(
  settings: AwsSettings,
  region: string,
  opts?: { onRequest?: RequestListener },
): AwsContext {
  assertRegion(region);
  const entry = cachedBy(clientCache, clientKey(settings, region), CACHE_LIMIT, (): ClientCacheEntry => ({
    byListener: new WeakMap(),
  }));
  const listener = opts?.onRequest;
  let clients = listener ? entry.byListener.get(listener) : entry.shared;
  if (!clients) {
    clients = buildClients(settings, region, listener);
    if (listener) entry.byListener.set(listener, clients);
    else entry.shared = clients;
  }
  const ctx: AwsContext = Object.freeze({ region });
  clientsByContext.set(ctx, clients);
  return ctx;
}

/** Another context over the same clients (e.g. one that logs its writes: write-log.ts). */
export function deriveContext(ctx: AwsContext): AwsContext {
  const derived: AwsContext = Object.freeze({ region: ctx.region });
  clientsByContext.set(derived, clientsOf(ctx));
  return derived;
}

/** The SDK clients behind a context. Internal to lib/adapters/aws. */
export function clientsOf(ctx: AwsContext): AwsClients {
  const clients = clientsByContext.get(ctx);
  if (!clients) throw new TypeError("Not an AwsContext: make one with createAwsContext().");
  return clients;
}

function buildClients(settings: AwsSettings, region: string, listener?: RequestListener): AwsClients {
  const config = clientConfig(settings, region);
  const elasticache = new ElastiCacheClient(config);
  const ec2 = new EC2Client(config);
  const cloudformation = new CloudFormationClient(config);
  const memorydb = new MemoryDBClient(config);
  const cloudwatch = new CloudWatchClient(config);
  if (listener) {
    countRequests(elasticache, "elasticache", listener);
    countRequests(ec2, "ec2", listener);
    countRequests(cloudformation, "cloudformation", listener);
    countRequests(memorydb, "memorydb", listener);
    countRequests(cloudwatch, "cloudwatch", listener);
  }
  return { elasticache, ec2, cloudformation, memorydb, cloudwatch };
}

function countRequests(
  client: ElastiCacheClient | EC2Client | CloudFormationClient | MemoryDBClient | CloudWatchClient,
  service: AwsService,
  listener: RequestListener,
): void {
  // The deserialize step runs inside the retry middleware, so it sees every attempt that goes out.
  (client.middlewareStack as ElastiCacheClient["middlewareStack"]).add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? "Unknown").replace(/Command$/, "");
      listener({ service, operation });
      return next(args);
    },
    { step: "deserialize", name: "queueReadyRequestCounter", priority: "high" },
  );
}
