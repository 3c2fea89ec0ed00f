-- ShedLock: one row per scheduled job; whoever holds it runs the job, once per cluster. TIMESTAMP(3) and the
-- database's own time (usingDbTime) so that nodes with different clocks or zones agree.
create table shedlock (
    name       varchar(64)  not null,
    lock_until timestamp(3) null,
    locked_at  timestamp(3) null,
    locked_by  varchar(255) not null,
    primary key (name)
);
