-- sla module: supplement policy per procedure, and the clock of each dossier and step (domain.md §6, §9.2).

-- a procedure without a row gets the defaults: PAUSE_RESUME, 1 request, 15 working days (domain.md §6.2)
create table sla_supplement_policy (
    procedure_code        varchar(40)  not null primary key,
    clock_policy          varchar(20)  not null,
    max_requests          int          not null,
    timeout_working_days  int          not null,
    source_note           varchar(500)
);

-- due_at is the ORIGINAL due time (moved only by supplement pauses or restarts, which the law counts out of the
-- processing time); an apology's new date goes to extended_due_at beside it, never over it (domain.md §6.1)
create table sla_dossier_clock (
    dossier_code         varchar(60)   not null primary key,
    procedure_code       varchar(40)   not null,
    due_at               datetime(3)   not null,
    warn_at              datetime(3)   not null,
    warned_at            datetime(3),
    paused_at            datetime(3),
    supplement_requests  int           not null,
    finished_at          datetime(3),
    extended_due_at      datetime(3),
    apology_reason       varchar(2000),
    apology_at           datetime(3),
    apology_by           varchar(64)
);
create index ix_clock_warn on sla_dossier_clock (warned_at, warn_at);

create table sla_step_clock (
    task_id        varchar(64)   not null primary key,
    dossier_code   varchar(60)   not null,
    step_key       varchar(100)  not null,
    department     varchar(100),
    due_at         datetime(3)   not null,
    warn_at        datetime(3)   not null,
    warned_at      datetime(3),
    completed_at   datetime(3)
);
create index ix_step_clock_warn on sla_step_clock (warned_at, warn_at);
create index ix_step_clock_dossier on sla_step_clock (dossier_code);
