-- catalog module: effective-dated procedure versions and the catalogue imports that bring them (README "Catalogue
-- import"). catalog_procedure and its components and step budgets stay the version in force now (its number in
-- version); catalog_procedure_version keeps every version, so that a dossier keeps the one in force at its reception
-- (domain.md §8). A procedure inserted by a migration after this one is its own version 1 until an import changes it.
alter table catalog_procedure add column version int default 1 not null;

create table catalog_import (
    id              bigint        not null auto_increment primary key,
    imported_at     datetime(3)   not null,
    imported_by     varchar(64)   not null,
    file_name       varchar(255),
    sha256          char(64)      not null,
    format          varchar(20)   not null,
    effective_from  date          not null,
    procedures      int           not null,
    new_procedures  int           not null,
    new_versions    int           not null,
    unchanged       int           not null,
    report          longtext      not null
);

create table catalog_procedure_version (
    procedure_code  varchar(40)   not null,
    version         int           not null,
    effective_from  date          not null,
    name            varchar(500)  not null,
    sector          varchar(200)  not null,
    agency_code     varchar(35)   not null,
    legal_time      int           not null,
    time_unit       varchar(20)   not null,
    cut_off         varchar(5),
    fee             varchar(500)  not null,
    online_level    varchar(10)   not null,
    process_key     varchar(100)  not null,
    start_form      varchar(100)  not null,
    reception_unit  varchar(40)   not null,
    handling_unit   varchar(40)   not null,
    source_note     varchar(500),
    handoff_only    boolean       not null,
    import_id       bigint,
    primary key (procedure_code, version),
    constraint fk_version_import foreign key (import_id) references catalog_import (id)
);

create table catalog_version_component (
    procedure_code  varchar(40)  not null,
    version         int          not null,
    position        int          not null,
    code            varchar(40)  not null,
    name            varchar(500) not null,
    required        boolean      not null,
    primary key (procedure_code, version, code),
    constraint fk_version_component foreign key (procedure_code, version)
        references catalog_procedure_version (procedure_code, version)
);

create table catalog_version_step_budget (
    procedure_code  varchar(40)  not null,
    version         int          not null,
    task_key        varchar(100) not null,
    budget          varchar(10)  not null,
    primary key (procedure_code, version, task_key),
    constraint fk_version_budget foreign key (procedure_code, version)
        references catalog_procedure_version (procedure_code, version)
);

-- the procedures already here become their version 1
insert into catalog_procedure_version (procedure_code, version, effective_from, name, sector, agency_code, legal_time,
        time_unit, cut_off, fee, online_level, process_key, start_form, reception_unit, handling_unit, source_note,
        handoff_only)
select code, 1, effective_from, name, sector, agency_code, legal_time, time_unit, cut_off, fee, online_level,
       process_key, start_form, reception_unit, handling_unit, source_note, handoff_only
  from catalog_procedure;
insert into catalog_version_component (procedure_code, version, position, code, name, required)
select procedure_code, 1, position, code, name, required from catalog_component;
insert into catalog_version_step_budget (procedure_code, version, task_key, budget)
select procedure_code, 1, task_key, budget from catalog_step_budget;
