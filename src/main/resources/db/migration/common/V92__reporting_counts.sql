-- report II.06a from counters (DayCounts): per agency, sector and day ('D') or month ('M', count_day = its first day), how
-- many dossiers were received, closed and became overdue then. Made from reporting_dossier; the settings they were
-- counted under are in reporting_counting, and counts made under other settings are made again at start-up.
create table reporting_count (
    agency_code               varchar(35)  not null,
    sector                    varchar(255) not null,
    span                      char(1)      not null,
    count_day                 date         not null,
    received_online           int          not null default 0,
    received_direct           int          not null default 0,
    excluded_received_online  int          not null default 0,
    excluded_received_direct  int          not null default 0,
    closed_early              int          not null default 0,
    closed_on_time            int          not null default 0,
    closed_late               int          not null default 0,
    excluded_closed_online    int          not null default 0,
    excluded_closed_direct    int          not null default 0,
    due_open                  int          not null default 0,
    closed_overdue            int          not null default 0,
    primary key (agency_code, span, count_day, sector)
);
create index ix_reporting_count_day on reporting_count (span, count_day);

create table reporting_counting (
    id          int          not null primary key,
    settings    varchar(300) not null,
    counted_at  timestamp    not null
);

-- the two corrections of DayCounts read dossier rows by closing and due day
create index ix_reporting_refused on reporting_dossier (refused_at);
create index ix_reporting_stopped on reporting_dossier (stopped_at);
create index ix_reporting_due on reporting_dossier (due_at);
create index ix_reporting_extended_due on reporting_dossier (extended_due_at);
insert into reporting_counting (id, settings, counted_at) values (1, '', current_timestamp);
