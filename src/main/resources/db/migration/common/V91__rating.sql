-- rating module: the applicant's satisfaction rating of a returned dossier (domain.md §12): nine criteria, 0-2 points
-- each; one row per dossier, edited in place within the configured period (revision counts the edits).
create table dossier_rating (
    dossier_code    varchar(60)   not null primary key,
    agency_code     varchar(35)   not null,
    channel         varchar(10)   not null,
    c1              smallint      not null,
    c2              smallint      not null,
    c3              smallint      not null,
    c4              smallint      not null,
    c5              smallint      not null,
    c6              smallint      not null,
    c7              smallint      not null,
    c8              smallint      not null,
    c9              smallint      not null,
    total           smallint      not null,
    comment_text    varchar(1000),
    rated_by        varchar(100),
    first_rated_at  datetime(3)   not null,
    rated_at        datetime(3)   not null,
    revision        int           not null
);
create index ix_rating_agency on dossier_rating (agency_code, first_rated_at);

-- the officials who completed a step of the rated dossier, for per-person statistics
create table dossier_rating_official (
    dossier_code  varchar(60)  not null,
    official      varchar(100) not null,
    primary key (dossier_code, official)
);
