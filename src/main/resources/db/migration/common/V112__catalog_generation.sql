-- catalog module: a number that every change of the searchable catalogue (catalog_procedure's versions in force, their
-- folded text) raises in its own transaction, so that each node's in-memory search index (catalog/SearchIndex) knows,
-- with one primary-key read, whether the catalogue it holds is still the committed one.
create table catalog_generation (
    id          int     not null primary key,
    generation  bigint  not null
);
insert into catalog_generation (id, generation) values (1, 0);
