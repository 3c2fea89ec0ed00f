-- catalog module: which department group does each role of a procedure's model at an agency (README "Department
-- routes"). procedure_code '*' is the agency's default for the role; an exact row for the procedure comes first. A role
-- with neither is an error (the import refuses the procedure, a step cannot start), never a guess.
create table department_route (
    agency_code     varchar(35)   not null,
    procedure_code  varchar(40)   not null,
    role            varchar(40)   not null,
    group_id        varchar(255)  not null,
    changed_by      varchar(64)   not null,
    changed_at      datetime(3)   not null,
    primary key (agency_code, procedure_code, role)
);

-- what the convention gave until now, as exact routes of each procedure here: the reception unit's group for
-- reception, the handling unit's for every other role the models use (the version in force first, then the newest
-- kept version of a procedure whose agency changed)
insert into department_route (agency_code, procedure_code, role, group_id, changed_by, changed_at)
select p.agency_code, p.code, r.role,
       concat(case when r.role = 'reception' then p.reception_unit else p.handling_unit end, '-', r.role),
       'V111', current_timestamp
  from catalog_procedure p
 cross join (select 'reception' as role union all select 'specialist' union all select 'head'
             union all select 'leader' union all select 'clerk') r;

insert into department_route (agency_code, procedure_code, role, group_id, changed_by, changed_at)
select v.agency_code, v.procedure_code, r.role,
       concat(case when r.role = 'reception' then v.reception_unit else v.handling_unit end, '-', r.role),
       'V111', current_timestamp
  from catalog_procedure_version v
 cross join (select 'reception' as role union all select 'specialist' union all select 'head'
             union all select 'leader' union all select 'clerk') r
 where v.version = (select max(w.version) from catalog_procedure_version w
                     where w.procedure_code = v.procedure_code and w.agency_code = v.agency_code)
   and not exists (select 1 from department_route d
                    where d.agency_code = v.agency_code and d.procedure_code = v.procedure_code
                      and d.role = r.role);
