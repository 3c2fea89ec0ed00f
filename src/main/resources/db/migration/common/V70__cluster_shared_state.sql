-- State that every node of a cluster must see alike (README "Two nodes behind a load balancer").

-- tracking: lookups per client address in fixed windows, shared by all nodes; kind LOOKUP counts every lookup,
-- MISS an unknown code or a wrong secret. Old windows are deleted by each node's sweep (idempotent).
create table tracking_lookup_count (
    client        varchar(64)  not null,
    kind          varchar(8)   not null,
    window_start  datetime(3)  not null,
    hits          int          not null,
    primary key (client, kind, window_start)
);

-- sla: the working calendar's version; a reload on one node raises it, every node reads the file again when it
-- sees a version it has not loaded.
create table sla_calendar_version (
    id           int          not null primary key,
    version      bigint       not null,
    reloaded_at  datetime(3)  not null,
    reloaded_by  varchar(64)
);
insert into sla_calendar_version (id, version, reloaded_at) values (1, 0, current_timestamp);
