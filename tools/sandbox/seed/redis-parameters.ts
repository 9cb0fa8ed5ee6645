/**
 * The Redis OSS / Valkey parameter catalogue, modelled on what ElastiCache lists for its families.
 * One row per parameter: `name|default|allowed values|flags|minimum engine version|description`.
 * Flags: `i` immediate, `r` requires-reboot, `n` not modifiable, `e` Source `engine-default`.
 */
export const REDIS_PARAMETER_ROWS = `
activedefrag|no|yes,no|i|4.0.9|Enabled active memory defragmentation
active-defrag-cycle-max|75|1-75|i|4.0.9|Maximal effort for defrag in CPU percentage
active-defrag-cycle-min|5|1-75|i|4.0.9|Minimal effort for defrag in CPU percentage
active-defrag-ignore-bytes|104857600|1048576-|i|4.0.9|Minimum amount of fragmentation waste to start active defrag
active-defrag-max-scan-fields|1000|1-1000000|i|4.0.9|Maximum number of set/hash/zset/list fields that will be processed from the main dictionary scan
active-defrag-threshold-lower|10|1-100|i|4.0.9|Minimum percentage of fragmentation to start active defrag
active-defrag-threshold-upper|100|1-100|i|4.0.9|Maximum percentage of fragmentation at which we use maximum effort
activerehashing|yes|yes,no|r|2.6.13|Apply rehashing or not
appendfsync|everysec|always,everysec,no|i|2.6.13|fsync policy for AOF persistence
appendonly|no|yes,no|i|2.6.13|Enable Redis persistence
client-output-buffer-limit-normal-hard-limit|0|0-|i|2.6.13|Normal client output buffer hard limit in bytes
client-output-buffer-limit-normal-soft-limit|0|0-|i|2.6.13|Normal client output buffer soft limit in bytes
client-output-buffer-limit-normal-soft-seconds|0|0-|i|2.6.13|Normal client output buffer soft limit in seconds
client-output-buffer-limit-pubsub-hard-limit|33554432|0-|i|2.6.13|Pubsub client output buffer hard limit in bytes
client-output-buffer-limit-pubsub-soft-limit|8388608|0-|i|2.6.13|Pubsub client output buffer soft limit in bytes
client-output-buffer-limit-pubsub-soft-seconds|60|0-|i|2.6.13|Pubsub client output buffer soft limit in seconds
client-output-buffer-limit-replica-hard-limit|0|0-|n|2.6.13|Replica client output buffer hard limit in bytes
client-output-buffer-limit-replica-soft-limit|0|0-|n|2.6.13|Replica client output buffer soft limit in bytes
client-output-buffer-limit-replica-soft-seconds|60|0-|n|2.6.13|Replica client output buffer soft limit in seconds
client-output-buffer-limit-slave-hard-limit|0|0-|n|2.6.13|Slave client output buffer hard limit in bytes (alias)
client-output-buffer-limit-slave-soft-limit|0|0-|n|2.6.13|Slave client output buffer soft limit in bytes (alias)
client-output-buffer-limit-slave-soft-seconds|60|0-|n|2.6.13|Slave client output buffer soft limit in seconds (alias)
client-query-buffer-limit|1073741824|1048576-3221225472|i|4.0.10|Max size of a single client query buffer
close-on-replica-write|yes|yes,no|i|2.8.23|If enabled, clients who attempt to write to a read-only replica will be disconnected
close-on-slave-write|yes|yes,no|i|2.8.23|Alias of close-on-replica-write
cluster-enabled|no|yes,no|r|3.2.4|Enable cluster mode
cluster-require-full-coverage|no|yes,no|i|3.2.4|Whether cluster becomes unavailable if one or more slots are not covered
cluster-node-timeout|15000|15000|n|3.2.4|Milliseconds a node may be unreachable before it is considered failing
cluster-migration-barrier|1|1|n|3.2.4|Minimum number of replicas a master must retain to donate a replica
cluster-replica-validity-factor|0|0|n|3.2.4|Replica validity factor for failover
databases|16|1-1200000|r|2.6.13|Set the number of databases
dynamic-hz|yes|yes,no|n|5.0.0|Adapt the server frequency to the number of connected clients
hash-max-ziplist-entries|512|0-|i|2.6.13|The maximum number of hash entries in order for the dataset to be compressed
hash-max-ziplist-value|64|0-|i|2.6.13|The threshold of biggest hash entries in order for the dataset to be compressed
hll-sparse-max-bytes|3000|0-16000|i|2.8.9|HyperLogLog sparse representation bytes limit
hz|10|1-500|n|2.6.13|Frequency of background server tasks
jemalloc-bg-thread|yes|yes,no|n|4.0.10|Purge memory in a background thread
latency-monitor-threshold|0|0-|n|2.8.13|Latency monitoring threshold in milliseconds
lazyfree-lazy-eviction|no|yes,no|i|4.0.10|Perform an asynchronous delete on evictions
lazyfree-lazy-expire|no|yes,no|i|4.0.10|Perform an asynchronous delete on expired keys
lazyfree-lazy-server-del|no|yes,no|i|4.0.10|Perform an asynchronous delete on key updates
lfu-decay-time|1|0-|i|4.0.10|The amount of time in minutes to decrement the key counter for LFU eviction policy
lfu-log-factor|10|1-|i|4.0.10|The log factor for incrementing key counter for LFU eviction policy
list-compress-depth|0|0-|i|3.2.4|Number of quicklist ziplist nodes from each side of the list to exclude from compression
list-max-ziplist-entries|512|0-|n|2.6.13|The maximum number of list entries in order for the dataset to be compressed (legacy)
list-max-ziplist-size|-2|-5,-4,-3,-2,-1|i|3.2.4|The number of entries allowed per internal list node
list-max-ziplist-value|64|0-|n|2.6.13|The threshold of biggest list entries in order for the dataset to be compressed (legacy)
loglevel|notice|debug,verbose,notice,warning|ne|2.6.13|Server verbosity level
lua-replicate-commands|yes|yes,no|i|3.2.4|Always enable Lua effect replication or not
lua-time-limit|5000|5000|n|2.6.13|Max execution time of a Lua script in milliseconds
maxclients|65000|1-65000|nr|2.6.13|The maximum number of Redis clients
maxmemory-policy|volatile-lru|volatile-lru,allkeys-lru,volatile-lfu,allkeys-lfu,volatile-random,allkeys-random,volatile-ttl,noeviction|i|2.6.13|Max memory policy
maxmemory-samples|3|1-|i|2.6.13|Max memory samples
min-replicas-max-lag|10|0-|i|2.8.23|The maximum amount of replica lag in seconds
min-replicas-to-write|0|0-|i|2.8.23|The minimum number of replicas that must be present with lag no greater than min-replicas-max-lag
min-slaves-max-lag|10|0-|i|2.8.6|Alias of min-replicas-max-lag
min-slaves-to-write|0|0-|i|2.8.6|Alias of min-replicas-to-write
notify-keyspace-events||*|i|2.8.6|The keyspace events for Redis to notify Pub/Sub clients about
no-appendfsync-on-rewrite|no|yes,no|ne|2.6.13|Do not fsync the AOF while a rewrite is in progress
oom-score-adj|no|yes,no,relative,absolute|ne|4.0.10|Control of the out-of-memory killer score
proto-max-bulk-len|536870912|1048576-536870912|i|4.0.10|Max size of a single element request
protected-mode|no|yes,no|ne|3.2.4|Accept connections only from loopback when no password is set
rdbchecksum|yes|yes,no|ne|2.6.13|Place a CRC64 checksum at the end of RDB files
rdbcompression|yes|yes,no|ne|2.6.13|Compress string objects using LZF when dumping RDB files
rdb-save-incremental-fsync|yes|yes,no|ne|4.0.10|fsync the RDB file incrementally while it is generated
rename-commands||*|i|5.0.3|Redis commands that can be dynamically renamed by the customer
repl-backlog-size|1048576|16384-|i|2.8.22|The replication backlog size in bytes for PSYNC
repl-backlog-ttl|3600|0-|i|2.8.22|The amount of time in seconds after the master no longer has any replicas to free the backlog
repl-disable-tcp-nodelay|no|yes,no|ne|2.6.13|Disable TCP_NODELAY on the replica socket
repl-diskless-sync|yes|yes,no|n|2.8.18|Use diskless replication
repl-diskless-sync-delay|0|0-|n|2.8.18|Delay in seconds before a diskless replication transfer starts
repl-ping-replica-period|10|1-|ne|2.6.13|Seconds between pings from replicas to the master
repl-timeout|60|30-3600|i|2.6.13|The timeout in seconds for bulk transfer I/O during sync and master timeout
replica-allow-chaining|no|yes,no|n|2.6.13|Configures if replica can have its own replica
replica-ignore-maxmemory|yes|yes,no|n|5.0.0|Replicas ignore their maxmemory setting
replica-lazy-flush|yes|yes,no|n|4.0.10|Perform an asynchronous flushDB during replica sync
replica-priority|100|0-|ne|2.6.13|Priority of a replica for promotion
replica-read-only|yes|yes,no|ne|2.6.13|Replicas accept only read commands
replica-serve-stale-data|yes|yes,no|ne|2.6.13|Replicas answer with possibly stale data while the link to the master is down
reserved-memory|0|0-|i|2.6.13|The amount of memory reserved for non-cache memory usage, in bytes
reserved-memory-percent|25|0-100|i|2.6.13|The percent of memory reserved for non-cache memory usage
save||*|ne|2.6.13|RDB snapshot schedule (disabled on ElastiCache: snapshots use their own mechanism)
set-max-intset-entries|512|0-|i|2.6.13|The limit in the size of the set in order for the dataset to be compressed
slave-allow-chaining|no|yes,no|n|2.6.13|Configures if slave can have its own slave (alias)
slave-lazy-flush|yes|yes,no|n|4.0.10|Alias of replica-lazy-flush
slave-priority|100|0-|ne|2.6.13|Alias of replica-priority
slave-read-only|yes|yes,no|ne|2.6.13|Alias of replica-read-only
slave-serve-stale-data|yes|yes,no|ne|2.6.13|Alias of replica-serve-stale-data
slowlog-log-slower-than|10000|0-|i|2.6.13|The execution time, in microseconds, to exceed in order for the command to get logged
slowlog-max-len|128|0-|i|2.6.13|The length of the slow log
stop-writes-on-bgsave-error|yes|yes,no|ne|2.6.13|Refuse writes when the last background save failed
supervised|no|no,upstart,systemd,auto|ne|3.2.4|Supervision interaction mode
syslog-enabled|no|yes,no|ne|2.6.13|Log to the system logger
tcp-backlog|511|511|ne|2.8.5|TCP listen backlog
tcp-keepalive|300|0-|i|2.6.13|If non-zero, send ACKs every given number of seconds
timeout|0|0,20-|i|2.6.13|Close connection if client is idle for a given number of seconds, or never if 0
unixsocketperm|0|0|ne|2.6.13|Permissions of the Unix socket
zset-max-ziplist-entries|128|0-|i|2.6.13|The maximum number of sorted set entries in order for the dataset to be compressed
zset-max-ziplist-value|64|0-|i|2.6.13|The threshold of biggest sorted set entries in order for the dataset to be compressed
aof-load-truncated|yes|yes,no|ne|4.0.10|Load a truncated AOF file on startup
aof-rewrite-incremental-fsync|yes|yes,no|ne|2.8.23|fsync the AOF incrementally while it is rewritten
aof-use-rdb-preamble|no|yes,no|ne|4.0.10|Use an RDB preamble in rewritten AOF files
auto-aof-rewrite-min-size|67108864|0-|ne|2.6.13|Minimum AOF size before an automatic rewrite
auto-aof-rewrite-percentage|100|0-|ne|2.6.13|AOF growth percentage that triggers a rewrite
cluster-replica-no-failover|no|yes,no|n|5.0.0|Prevent replicas from failing over automatically
min-slaves-to-write-enabled|no|yes,no|ne|2.8.6|Whether the min-slaves-to-write guard is enforced
lua-debug-enabled|no|yes,no|ne|3.2.4|Allow LDB debugging sessions
stream-node-max-bytes|4096|0-|i|5.0.0|The maximum size of a single node in a stream in bytes
stream-node-max-entries|100|0-|i|5.0.0|The maximum number of items a single node in a stream can contain
acllog-max-len|128|1-10000|i|6.0.0|The maximum number of entries in the ACL log
active-expire-effort|1|1-10|i|6.0.0|The amount of effort the server spends removing expired keys
lazyfree-lazy-user-del|no|yes,no|i|6.0.0|Perform an asynchronous delete on DEL
tracking-table-max-keys|1000000|1-100000000|i|6.0.0|The maximum number of keys in the client-side caching tracking table
cluster-allow-reads-when-down|no|yes,no|i|6.0.0|Allow reads while the cluster is marked failed
io-threads|4|1-128|n|6.0.0|Number of I/O threads
lazyfree-lazy-user-flush|no|yes,no|i|6.2.0|Perform an asynchronous delete on FLUSHALL and FLUSHDB
hash-max-listpack-entries|512|0-|i|7.0.0|The maximum number of hash entries in order for the dataset to be compressed
hash-max-listpack-value|64|0-|i|7.0.0|The threshold of biggest hash entries in order for the dataset to be compressed
zset-max-listpack-entries|128|0-|i|7.0.0|The maximum number of sorted set entries in order for the dataset to be compressed
zset-max-listpack-value|64|0-|i|7.0.0|The threshold of biggest sorted set entries in order for the dataset to be compressed
list-max-listpack-size|-2|-5,-4,-3,-2,-1|i|7.0.0|The number of entries allowed per internal list node
cluster-allow-pubsubshard-when-down|yes|yes,no|i|7.0.0|Allow shard pub/sub while the cluster is down
cluster-preferred-endpoint-type|ip|ip,tls-dynamic|i|7.0.0|The endpoint type the cluster advertises to clients
latency-tracking|yes|yes,no|i|7.0.0|Track per-command latency percentiles
set-max-listpack-entries|128|0-|i|7.2.4|The maximum number of set entries stored as a listpack
set-max-listpack-value|64|0-|i|7.2.4|The threshold of biggest set entries stored as a listpack
always-show-logo|no|yes,no|ne|4.0.10|Show the ASCII logo on startup
daemonize|no|yes,no|ne|2.6.13|Run the server as a daemon
cluster-slave-validity-factor|0|0|n|3.2.4|Alias of cluster-replica-validity-factor
cluster-announce-port|0|0|n|4.0.10|Port the node announces to the cluster
cluster-announce-bus-port|0|0|n|4.0.10|Cluster bus port the node announces
dbfilename|dump.rdb|*|ne|2.6.13|File name of the RDB snapshot
appendfilename|appendonly.aof|*|ne|2.6.13|File name of the append-only file
replica-announce-port|0|0|n|4.0.10|Port a replica reports to its master
repl-diskless-load|disabled|disabled,on-empty-db,swapdb|n|6.0.0|How replicas load the RDB received over the socket
maxmemory-eviction-tenacity|10|0-100|ne|6.2.0|Effort spent on eviction per command
maxmemory-clients|0|0-|ne|7.0.0|Memory limit for all client connections together
`;
