-- signing module: which certificate an official (holder_kind PERSON, holder = user id) or an organisation
-- (ORGANISATION, holder = agency code) holds, which configured signer (motcua.signing.signers.<signer_id>) signs with
-- it, and when it is valid. A holder's certificate in force is the one registered last; the older ones stay as
-- history. A certificate is registered once (issuer + serial): two nodes seeding it at once insert one row.
-- Times are Vietnam local time, as in the other tables.
create table signing_certificate (
    id                 bigint        not null auto_increment primary key,
    holder_kind        varchar(12)   not null,
    holder             varchar(100)  not null,
    signer_id          varchar(100)  not null,
    certificate        blob          not null,
    serial_number      varchar(64)   not null,
    issuer             varchar(400)  not null,
    common_name        varchar(255)  not null,
    organisation       varchar(255),
    not_before         datetime(3)   not null,
    not_after          datetime(3)   not null,
    revoked_at         datetime(3),
    revocation_reason  varchar(500),
    revoked_by         varchar(100),
    registered_at      datetime(3)   not null,
    registered_by      varchar(100)  not null,
    constraint signing_certificate_issuer_serial unique (issuer, serial_number)
);
create index ix_signing_certificate_holder on signing_certificate (holder_kind, holder, id);
