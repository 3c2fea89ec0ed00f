-- Notices to send, one per (event, recipient): the unique key makes every consumer of an event idempotent.
create table notification_notice (
    id             bigint       not null auto_increment,
    event_key      varchar(200) not null,
    dossier_code   varchar(64)  not null,
    kind           varchar(40)  not null,
    recipient_kind varchar(16)  not null,
    recipient      varchar(100) null,
    message        varchar(1000) not null,
    created_at     timestamp(3) not null,
    sent_at        timestamp(3) null,
    primary key (id),
    constraint notification_notice_event_key unique (event_key)
);
create index notification_notice_by_dossier on notification_notice (dossier_code);
