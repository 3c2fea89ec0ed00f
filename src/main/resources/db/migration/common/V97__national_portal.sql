-- nationalportal module: the link with the National Public Service Portal (DVCQG, issue 15).
-- What is to be sent, in the order it happened: one row per dossier event that changes what the portal must show,
-- written in the same transaction as the change (so a committed change is never lost and never overtaken by a later
-- one of the same dossier). RECORD rows send the dossier's record as it is when sent (DongBoHoSoMC, an upsert);
-- PROGRESS rows one step of its processing (CapNhatTienDoHoSoMC), built from the step as the timeline keeps it.
-- A row the portal refused is PARKED with the portal's reason and holds back the later rows of its dossier until an
-- operator's retry.
create table portal_sync (
    id              bigint        not null auto_increment primary key,
    dossier_code    varchar(60)   not null,
    kind            varchar(10)   not null,
    idem_key        varchar(200)  not null,
    event_json      varchar(4000),
    occurred_at     datetime(3)   not null,
    status          varchar(10)   not null,
    attempts        int           not null default 0,
    last_error      varchar(2000),
    created_at      datetime(3)   not null,
    sent_at         datetime(3),
    constraint uq_portal_sync_key unique (idem_key)
);
create index ix_portal_sync_pending on portal_sync (status, dossier_code, id);
create index ix_portal_sync_dossier on portal_sync (dossier_code, id);

-- one row per dossier known to the portal link: the portal's own code when the dossier was filed there, the agency
-- and reception day (for indicator 1.4 per agency and period), and what the portal last accepted for it
create table portal_dossier (
    dossier_code        varchar(60)   not null primary key,
    portal_code         varchar(60),
    agency_code         varchar(40)   not null,
    received_at         datetime(3)   not null,
    record_sha256       char(64),
    record_accepted_at  datetime(3),
    constraint uq_portal_dossier_portal_code unique (portal_code)
);
create index ix_portal_dossier_received on portal_dossier (agency_code, received_at);
