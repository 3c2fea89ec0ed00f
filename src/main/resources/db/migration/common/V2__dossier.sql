-- dossier module: the dossier record, its attachments and its timeline (the electronic "phiếu kiểm soát").
create table dossier_sequence (
    agency_code     varchar(35) not null,
    reception_day   date        not null,
    last_sequence   int         not null,
    primary key (agency_code, reception_day)
);

create table dossier (
    code                varchar(60)   not null primary key,
    sequence_no         int           not null,
    procedure_code      varchar(40)   not null,
    agency_code         varchar(35)   not null,
    channel             varchar(10)   not null,
    status              int           not null,
    applicant_kind      varchar(12)   not null,
    applicant_name      varchar(255)  not null,
    applicant_id_number varchar(20)   not null,
    applicant_address   varchar(500)  not null,
    applicant_phone     varchar(20),
    applicant_email     varchar(255),
    filed_by            varchar(64),
    summary             varchar(1000) not null,
    form_data           longtext      not null,
    secret_hash         char(64)      not null,
    received_at         datetime(3)   not null,
    due_at              datetime(3)   not null,
    finished_at         datetime(3),
    current_step        varchar(500),
    status_note         varchar(2000)
);
create index ix_dossier_procedure on dossier (procedure_code, received_at);

create table dossier_attachment (
    id              bigint        not null auto_increment primary key,
    dossier_code    varchar(60)   not null,
    component_code  varchar(40),
    purpose         varchar(12)   not null,
    file_name       varchar(255)  not null,
    content_type    varchar(100)  not null,
    size_bytes      bigint        not null,
    sha256          char(64)      not null,
    content         longblob      not null,
    uploaded_at     datetime(3)   not null,
    constraint fk_attachment_dossier foreign key (dossier_code) references dossier (code)
);
create index ix_attachment_dossier on dossier_attachment (dossier_code);

create table dossier_step (
    id              bigint        not null auto_increment primary key,
    dossier_code    varchar(60)   not null,
    task_id         varchar(64)   not null unique,
    step_key        varchar(100)  not null,
    step_name       varchar(255)  not null,
    department      varchar(100),
    public_text     varchar(500),
    started_at      datetime(3)   not null,
    due_at          datetime(3),
    completed_at    datetime(3),
    completed_by    varchar(64),
    outcome         varchar(64),
    note            varchar(2000),
    constraint fk_step_dossier foreign key (dossier_code) references dossier (code)
);
create index ix_step_dossier on dossier_step (dossier_code);

create table dossier_status_change (
    id              bigint        not null auto_increment primary key,
    dossier_code    varchar(60)   not null,
    status          int           not null,
    changed_at      datetime(3)   not null,
    actor           varchar(64),
    public_text     varchar(500),
    note            varchar(2000),
    constraint fk_status_dossier foreign key (dossier_code) references dossier (code)
);
create index ix_status_dossier on dossier_status_change (dossier_code);
