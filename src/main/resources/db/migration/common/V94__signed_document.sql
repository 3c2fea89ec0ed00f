-- signing module: the signed documents of a dossier, stored once and never changed (issue 13): each revision of a
-- result (the leader's signature, then the organisation's seal with number and date) and each signed slip is a row of
-- its own, kept with the SHA-256 of its bytes. Nothing updates or deletes a row.
create table signed_document (
    id            varchar(36)   not null primary key,
    dossier_code  varchar(60)   not null,
    kind          varchar(20)   not null,
    revision      int           not null,
    file_name     varchar(255)  not null,
    size_bytes    int           not null,
    sha256        char(64)      not null,
    signers       varchar(1000) not null,
    content       longblob      not null,
    created_at    datetime(3)   not null,
    constraint uq_signed_document unique (dossier_code, kind, revision)
);
create index ix_signed_document_sha on signed_document (sha256);
