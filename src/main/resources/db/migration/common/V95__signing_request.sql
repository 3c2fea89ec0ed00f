-- signing module: a signature that comes later (issue 13): the signer approves on the phone (remote signing in the
-- CSC shape) or signs on their own PC and uploads the file. The prepared document, the appearance, the signing time
-- and the data to sign are kept, so the signature is assembled exactly as prepared when it comes; the process waits
-- in a receive step (message signing.signatureReturned) with a timeout path.
create table signing_request (
    id                  varchar(36)   not null primary key,
    dossier_code        varchar(60)   not null,
    process_instance    varchar(64)   not null,
    document_kind       varchar(20)   not null,
    file_name           varchar(255)  not null,
    holder              varchar(100)  not null,
    signer_id           varchar(100)  not null,
    provider_reference  varchar(1000) not null,
    document            longblob      not null,
    appearance_kind     varchar(20)   not null,
    appearance_page     int           not null,
    appearance_x        double        not null,
    appearance_y        double        not null,
    appearance_width    double        not null,
    appearance_height   double        not null,
    appearance_note     varchar(500),
    signing_time_ms     bigint        not null,
    signature_level     varchar(40)   not null,
    data_to_sign        longblob      not null,
    state               varchar(12)   not null,
    reason              varchar(1000),
    signed_document     varchar(36),
    created_at          datetime(3)   not null,
    finished_at         datetime(3)
);
create index ix_signing_request_state on signing_request (state, created_at);
create index ix_signing_request_dossier on signing_request (dossier_code);
