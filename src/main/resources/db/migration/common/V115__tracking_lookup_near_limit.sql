-- tracking: each node reads, once a second, the shared counters of the current windows past half a limit (issue 17:
-- lookups are counted in memory and added to the shared rows in that sync); this index finds them without a scan.
create index tracking_lookup_near_limit on tracking_lookup_count (kind, window_start, hits);
