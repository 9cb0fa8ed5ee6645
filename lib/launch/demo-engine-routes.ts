/**
 * Routes from the sandbox's engine list (`GET /_sandbox/engines`): each node's endpoint, and the group
 * endpoints it answers (primary, reader, configuration), to where the engine listens. The demo hands the
 * result to QueueReady as QUEUEREADY_ENGINE_ROUTES, as a user would list their port forwards.
 */

export interface ListedEngine {
  endpoint: string;
  address: string;
  groupEndpoints?: string[];
}

export function routesFromEngines(engines: ListedEngine[]): Record<string, string> {
  const routes: Record<string, string> = {};
  for (const e of engines) {
    routes[e.endpoint] = e.address;
    for (const alias of e.groupEndpoints ?? []) routes[alias] = e.address;
  }
  return routes;
}
