-- dossier module: the version of its procedure in force when the dossier was received (catalog_procedure_version);
-- the dossiers already here were received under version 1, the only one there was.
alter table dossier add column procedure_version int default 1 not null;
