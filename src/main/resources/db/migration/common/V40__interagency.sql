-- interagency module: handoffs (liên thông) between agencies, each kept as evidence of who sent what, when, and who
-- acknowledged it. envelope = the exact signed bytes (UTF-8 JSON); signature = hex HMAC-SHA256 of them.

-- written in the engine's transaction by the send step; a delivery worker sends it until it is acknowledged
create table handoff_outbox (
    message_id       varchar(36)   not null primary key,
    dossier_code     varchar(60)   not null,
    message_name     varchar(100)  not null,
    sender_agency    varchar(35)   not null,
    receiver_agency  varchar(35)   not null,
    procedure_code   varchar(40),
    process_instance_id varchar(64),
    activity_id      varchar(100),
    envelope         longtext      not null,
    payload_sha256   char(64)      not null,
    signature        char(64)      not null,
    -- PENDING (to send or retry), DELIVERED (acknowledged), FAILED (refused by the receiver; manual retry)
    status           varchar(12)   not null,
    attempts         int           not null,
    next_attempt_at  datetime(3)   not null,
    lease_owner      varchar(100),
    lease_until      datetime(3),
    last_error       varchar(2000),
    created_at       datetime(3)   not null,
    sent_at          datetime(3),
    acknowledged_at  datetime(3),
    -- the receiver's answer as it came (ACCEPTED or DUPLICATE, its time) and its HMAC, checked with its key
    ack_status       varchar(12),
    ack_body         varchar(2000),
    ack_signature    char(64)
);
create index ix_outbox_due on handoff_outbox (status, next_attempt_at);
create index ix_outbox_dossier on handoff_outbox (dossier_code);

-- every delivery attempt of an outbox message and what came of it: the retry history an operator or a dispute reads
create table handoff_attempt (
    id               bigint        not null auto_increment primary key,
    message_id       varchar(36)   not null,
    attempt          int           not null,
    attempted_at     datetime(3)   not null,
    http_status      int,
    outcome          varchar(12)   not null,
    error            varchar(2000),
    next_attempt_at  datetime(3),
    constraint fk_attempt_outbox foreign key (message_id) references handoff_outbox (message_id)
);
create index ix_attempt_message on handoff_attempt (message_id);

-- one row per message id: the key makes a second delivery of the same message a duplicate with no second effect
create table handoff_inbox (
    message_id       varchar(36)   not null primary key,
    dossier_code     varchar(60)   not null,
    message_name     varchar(100)  not null,
    sender_agency    varchar(35)   not null,
    receiver_agency  varchar(35)   not null,
    procedure_code   varchar(40),
    envelope         longtext      not null,
    payload_sha256   char(64)      not null,
    signature        char(64)      not null,
    -- CORRELATED (the process took it) or PARKED (nobody waited for it: reason says why; a re-delivery tries again)
    status           varchar(12)   not null,
    reason           varchar(2000),
    attempts         int           not null,
    received_at      datetime(3)   not null,
    correlated_at    datetime(3),
    process_instance_id varchar(64),
    ack_body         varchar(2000),
    ack_signature    char(64)
);
create index ix_inbox_status on handoff_inbox (status, received_at);
create index ix_inbox_dossier on handoff_inbox (dossier_code);

-- messages refused before they could have any effect (bad signature, unknown sender, not for us): evidence only
create table handoff_refusal (
    id               bigint        not null auto_increment primary key,
    refused_at       datetime(3)   not null,
    message_id       varchar(100),
    sender_agency    varchar(100),
    receiver_agency  varchar(100),
    http_status      int           not null,
    reason           varchar(2000) not null,
    remote_address   varchar(100),
    body_sha256      char(64)      not null
);
