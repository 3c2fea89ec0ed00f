-- Spring Modulith's event publication registry (its schema-mariadb.sql; upper case: MariaDB table names are case
-- sensitive on Linux and Modulith writes EVENT_PUBLICATION), created here so that the serialized event
-- is MEDIUMTEXT: the shipped VARCHAR(4000) fails a whole engine step on a bigger event ("Data too long").
create table EVENT_PUBLICATION (
    id               varchar(36)  not null,
    listener_id      varchar(512) not null,
    event_type       varchar(512) not null,
    serialized_event mediumtext   not null,
    publication_date timestamp(6) not null default current_timestamp(6),
    completion_date  timestamp(6) null default null,
    primary key (id),
    index event_publication_by_completion_date_idx (completion_date)
);
