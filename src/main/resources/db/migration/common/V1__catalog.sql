-- catalog module: agencies and the procedures they handle.
create table agency (
    code            varchar(35)  not null primary key,
    name            varchar(255) not null,
    level_name      varchar(20)  not null,
    parent_code     varchar(35),
    note            varchar(500)
);

create table catalog_procedure (
    code            varchar(40)   not null primary key,
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
    effective_from  date          not null,
    source_note     varchar(500),
    constraint fk_procedure_agency foreign key (agency_code) references agency (code)
);

create table catalog_component (
    procedure_code  varchar(40)  not null,
    position        int          not null,
    code            varchar(40)  not null,
    name            varchar(500) not null,
    required        boolean      not null,
    primary key (procedure_code, code),
    constraint fk_component_procedure foreign key (procedure_code) references catalog_procedure (code)
);

-- a procedure's own step budgets, overriding the budget written in its (shared) BPMN model
create table catalog_step_budget (
    procedure_code  varchar(40)  not null,
    task_key        varchar(100) not null,
    budget          varchar(10)  not null,
    primary key (procedure_code, task_key),
    constraint fk_budget_procedure foreign key (procedure_code) references catalog_procedure (code)
);
