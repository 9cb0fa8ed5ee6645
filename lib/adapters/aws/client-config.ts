/**
 * What every SDK client QueueReady makes has in common: the settings that shape it (and so the key a
 * client is shared under), adaptive retry, and timeouts short enough that a dead endpoint fails a page
 * render in seconds, long enough for a slow AWS page.
 */
import { credentialsKey, type AwsSettings } from "./settings";

const CONNECTION_TIMEOUT_MS = 3_000;
const REQUEST_TIMEOUT_MS = 10_000;

export function clientConfig(settings: AwsSettings, region: string) {
  return {
    region,
    endpoint: settings.endpoint,
    credentials: settings.credentials,
    maxAttempts: settings.maxAttempts,
    retryMode: "adaptive",
    requestHandler: {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      // Without this the SDK only logs a warning and waits forever on a stuck socket.
      throwOnRequestTimeout: true,
    },
  };
}

/** Everything that shapes a client: clients with the same key can be shared. */
export function clientKey(settings: AwsSettings, region: string): string {
  return JSON.stringify([region, settings.endpoint ?? null, settings.maxAttempts, credentialsKey(settings)]);
}

/** The cached value for `key`, made on first use; the oldest entry goes once `limit` is reached. */
export function cachedBy<T>(cache: Map<string, T>, key: string, limit: number, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
    value = make();
    cache.set(key, value);
  }
  return value;
}
