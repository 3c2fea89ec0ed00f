-- reporting module: the dossiers whose result is a sealed electronic document (766 indicator 4.1, domain.md §11.2),
-- one row per dossier, written only from the event ResultDocumentSealed. The fact has no other source among our own
-- tables (the document is the signing module's), so a rebuild of reporting_dossier keeps these rows.
create table reporting_sealed_result (
    dossier_code  varchar(60)  not null primary key,
    document_id   varchar(36)  not null,
    sha256        char(64)     not null,
    sealed_at     datetime(3)  not null
);

-- indicator 4.1 counts the dossiers resolved in a period
create index ix_reporting_resolved on reporting_dossier (resolved_at);
