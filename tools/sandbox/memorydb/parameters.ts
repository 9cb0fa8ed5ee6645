/**
 * The parameters a MemoryDB group holds, modelled on what MemoryDB lists for its families:
 * `name|default|allowed values|data type|minimum engine version|description`. MemoryDB's defaults differ
 * from ElastiCache's where it matters here: `maxmemory-policy` is `noeviction`.
 */
const ROWS = `
acllog-max-len|128|1-10000|integer|6.2.4|The maximum length of the ACL log
active-defrag-cycle-max|75|1-75|integer|6.2.4|Maximal effort for defrag in CPU percentage
active-defrag-cycle-min|5|1-75|integer|6.2.4|Minimal effort for defrag in CPU percentage
active-defrag-ignore-bytes|104857600|1048576-|integer|6.2.4|Minimum amount of fragmentation waste to start active defrag
active-defrag-max-scan-fields|1000|1-1000000|integer|6.2.4|Maximum number of set/hash/zset/list fields that will be processed from the main dictionary scan
active-defrag-threshold-lower|10|1-100|integer|6.2.4|Minimum percentage of fragmentation to start active defrag
active-defrag-threshold-upper|100|1-100|integer|6.2.4|Maximum percentage of fragmentation at which we use maximum effort
active-expire-effort|1|1-10|integer|6.2.4|The amount of effort that the server uses to remove expired keys
activedefrag|no|yes,no|string|6.2.4|Enabled active memory defragmentation
activerehashing|yes|yes,no|string|6.2.4|Apply rehashing or not
client-output-buffer-limit-normal-hard-limit|0|0-|integer|6.2.4|Normal client output buffer hard limit in bytes
client-output-buffer-limit-normal-soft-limit|0|0-|integer|6.2.4|Normal client output buffer soft limit in bytes
client-output-buffer-limit-normal-soft-seconds|0|0-|integer|6.2.4|Normal client output buffer soft limit in seconds
client-output-buffer-limit-pubsub-hard-limit|33554432|0-|integer|6.2.4|Pubsub client output buffer hard limit in bytes
client-output-buffer-limit-pubsub-soft-limit|8388608|0-|integer|6.2.4|Pubsub client output buffer soft limit in bytes
client-output-buffer-limit-pubsub-soft-seconds|60|0-|integer|6.2.4|Pubsub client output buffer soft limit in seconds
hash-max-ziplist-entries|512|0-|integer|6.2.4|The maximum number of hash entries in order for the dataset to be compressed
hash-max-ziplist-value|64|0-|integer|6.2.4|The threshold of biggest hash entries in order for the dataset to be compressed
hll-sparse-max-bytes|3000|0-16000|integer|6.2.4|HyperLogLog sparse representation bytes limit
lazyfree-lazy-eviction|no|yes,no|string|6.2.4|Perform an asynchronous delete on evictions
lazyfree-lazy-expire|no|yes,no|string|6.2.4|Perform an asynchronous delete on expired keys
lazyfree-lazy-server-del|no|yes,no|string|6.2.4|Perform an asynchronous delete on key updates
lazyfree-lazy-user-del|no|yes,no|string|6.2.4|Specifies whether the default behavior of DEL command acts the same as UNLINK
lfu-decay-time|1|0-|integer|6.2.4|The amount of time in minutes to decrement the key counter for LFU eviction policy
lfu-log-factor|10|1-|integer|6.2.4|The log factor for incrementing key counter for LFU eviction policy
list-compress-depth|0|0-|integer|6.2.4|Number of quicklist ziplist nodes from each side of the list to exclude from compression
maxmemory-policy|noeviction|volatile-lru,allkeys-lru,volatile-lfu,allkeys-lfu,volatile-random,allkeys-random,volatile-ttl,noeviction|string|6.2.4|Max memory policy
maxmemory-samples|3|1-|integer|6.2.4|Max memory samples
notify-keyspace-events||*|string|6.2.4|The keyspace events for Redis to notify Pub/Sub clients about
set-max-intset-entries|512|0-|integer|6.2.4|The limit in the size of the set in order for the dataset to be compressed
slowlog-log-slower-than|10000|0-|integer|6.2.4|The execution time, in microseconds, to exceed in order for the command to get logged
slowlog-max-len|128|0-|integer|6.2.4|The length of the slow log
stream-node-max-bytes|4096|0-|integer|6.2.4|The maximum size of a single node in a stream in bytes
stream-node-max-entries|100|0-|integer|6.2.4|The maximum number of items a single node in a stream can contain
tcp-keepalive|300|0-|integer|6.2.4|If non-zero, send ACKs every given number of seconds
timeout|0|0,20-|integer|6.2.4|Close connection if client is idle for a given number of seconds, or never if 0
tracking-table-max-keys|1000000|1-100000000|integer|6.2.4|The maximum number of keys allowed for the tracking table
zset-max-ziplist-entries|128|0-|integer|6.2.4|The maximum number of sorted set entries in order for the dataset to be compressed
zset-max-ziplist-value|64|0-|integer|6.2.4|The threshold of biggest sorted set entries in order for the dataset to be compressed
`;

export interface MemoryDbParameterDef {
  name: string;
  defaultValue: string;
  allowedValues: string;
  dataType: "string" | "integer";
  minimumEngineVersion: string;
  description: string;
}

export const MEMORYDB_PARAMETERS: MemoryDbParameterDef[] = ROWS.trim()
  .split("\n")
  .map((line) => {
    const [
      name = "",
      defaultValue = "",
      allowedValues = "",
      dataType = "",
      minimumEngineVersion = "",
      description = "",
    ] = line.split("|");
    return {
      name,
      defaultValue,
      allowedValues,
      dataType: dataType === "integer" ? "integer" : "string",
      minimumEngineVersion,
      description,
    };
  });

/** Whether `value` is allowed: a comma list of words, `*` (anything), or integer ranges `a-b` / `a-`. */
export function isAllowed(def: MemoryDbParameterDef, value: string): boolean {
  if (def.allowedValues === "*") return true;
  if (def.dataType === "string") return def.allowedValues.split(",").includes(value);
  if (!/^-?\d+$/.test(value)) return false;
  const n = Number(value);
  return def.allowedValues.split(",").some((part) => {
    const m = /^(\d+)(-(\d*))?$/.exec(part);
    if (!m) return false;
    const low = Number(m[1]);
    if (m[2] === undefined) return n === low;
    return n >= low && (m[3] === "" || n <= Number(m[3]));
  });
}
