-- catalog module: the folded text that catalogue search compares (catalog/SearchText: lower case, no diacritics).
-- Written with each row the import writes; rows of migrations (and any written by hand in SQL) are filled at start-up
-- (catalog/SearchTextFill). Null: not found by search until filled. 760 characters keep the index within MariaDB's
-- 3,072 bytes of utf8mb4.
alter table catalog_procedure add column search_name varchar(500);
alter table catalog_procedure add column search_text varchar(760);
create index ix_procedure_search_text on catalog_procedure (search_text);
