-- reporting module: one row per dossier, made from the dossier events (domain.md §11.1, report II.06a).
-- due_at is the appointment in force without an apology's new date, which stays beside it in extended_due_at.
create table reporting_dossier (
    dossier_code     varchar(60)  not null primary key,
    procedure_code   varchar(40)  not null,
    agency_code      varchar(35)  not null,
    sector           varchar(255) not null,
    channel          varchar(10)  not null,
    received_at      datetime(3)  not null,
    due_at           datetime(3),
    extended_due_at  datetime(3),
    resolved_at      datetime(3),
    timeliness       varchar(8),
    refused_at       datetime(3),
    stopped_at       datetime(3),
    withdrawn        boolean      not null default false,
    returned_at      datetime(3)
);
create index ix_reporting_agency on reporting_dossier (agency_code, received_at);
