/**
 * The memcached1.6 catalogue (same row format as the Redis one). Memcached exposes far fewer settings
 * than Redis, so its default group is realistically ~35 parameters, not 100+.
 */
export const MEMCACHED_PARAMETER_ROWS = `
backlog_queue_limit|1024|1-10000|n|1.4.5|The backlog queue limit
binding_protocol|auto|auto,binary,ascii|n|1.4.5|Binding protocol
cas_disabled|0|0,1|r|1.4.5|If true (1), disable check and set (CAS) operations
chunk_size|48|1-|r|1.4.5|The minimum amount, in bytes, of space to allocate for the smallest item's key, value, and flags
chunk_size_growth_factor|1.25|1-2|r|1.4.5|The growth factor that controls the size of each successive memcached chunk
config_max|16|1-|n|1.4.5|The maximum number of ElastiCache configuration entries
config_size_max|65536|1-|n|1.4.5|The maximum size of the configuration entries, in bytes
disable_flush_all|0|0,1|i|1.4.24|Disable the flush_all command
error_on_memory_exhausted|0|0,1|r|1.4.5|If true (1), return an error instead of evicting items when memory is full
expirezero_does_not_evict|0|0,1|r|1.4.24|When used with lru_maintainer, items with an expiration time of 0 are not evicted
hash_algorithm|jenkins|jenkins,murmur3|r|1.4.24|The hash algorithm used for hash table items
hashpower_init|16|1-64|r|1.4.24|The initial size of the hash table, as a power of two
idle_timeout|0|0-|i|1.4.24|The number of seconds a client connection can be idle before it is closed
inline_ascii_resp|0|0,1|n|1.5.4|Store numbers from the VALUE response inside an item
large_memory_pages|0|0,1|r|1.4.5|If true (1), try to use large memory pages
lock_down_paged_memory|0|0,1|r|1.4.5|If true (1), lock down all paged memory
lru_crawler|0|0,1|i|1.4.24|Clean slab classes of items that have expired
lru_maintainer|0|0,1|r|1.4.24|A background thread that shuffles items between LRUs as capacities are reached
lru_segmented|1|0,1|r|1.5.4|Use a segmented LRU
max_item_size|1048576|1048576-134217728|r|1.4.5|The size, in bytes, of the largest item that can be stored in the cluster
max_simultaneous_connections|65000|3-65000|n|1.4.5|The maximum number of simultaneous connections
maxconns_fast|0|0,1|r|1.4.24|Immediately close new connections if over maximum simultaneous connections limit
maximize_core_file_limit|0|0,1|n|1.4.5|Maximize core file limit
memcached_connections_overhead|100|0-100000|r|1.4.5|The amount of memory to reserve for memcached connections and other miscellaneous overhead
modern|1|0,1|r|1.4.33|An alias for multiple features
requests_per_event|20|1-1000|r|1.4.5|The maximum number of requests per event for a given connection
slab_automove|0|0,1,2|i|1.4.24|Adjust the slab automove algorithm
slab_chunk_max|524288|0-|r|1.4.33|The maximum size of a slab
slab_reassign|0|0,1|r|1.4.24|Enable or disable slab reassignment
track_sizes|0|0,1|i|1.4.33|Shows the sizes each slab group has consumed
watch|0|0,1|i|1.4.33|Displays logs when items are evicted or fetched
watcher_logbuf_size|256|0-|i|1.4.33|The size of the watcher log buffer in kilobytes
worker_logbuf_size|64|0-|i|1.4.33|The size of the worker log buffer in kilobytes
`;
