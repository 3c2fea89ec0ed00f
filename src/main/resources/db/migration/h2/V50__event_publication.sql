-- Spring Modulith's event publication registry (its schema-h2.sql) with the serialized event as a CLOB.
create table event_publication (
    id               uuid          not null,
    listener_id      varchar(512)  not null,
    event_type       varchar(512)  not null,
    serialized_event clob          not null,
    publication_date timestamp(9) with time zone not null,
    completion_date  timestamp(9) with time zone,
    primary key (id)
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
