-- dossier module: what tracking shows without the secret, kept on the dossier's own row so that a lookup is one
-- indexed select (issue 17): the public timeline (status changes with their public text, steps with their department,
-- times and due times; nothing an official wrote) as JSON, written in the transaction of the change it records; the
-- new date an apology gave and whether the deadline warning went out, copied from the dossier's clock when they change.
-- A dossier stored before keeps no timeline (null): tracking reads the timeline's tables for it, and its next change
-- writes the whole timeline.
alter table dossier add column public_timeline mediumtext;
alter table dossier add column extended_due_at datetime(3);
alter table dossier add column near_deadline boolean default false not null;
update dossier
   set extended_due_at = (select c.extended_due_at from sla_dossier_clock c where c.dossier_code = dossier.code),
       near_deadline = coalesce(
               (select case when c.warned_at is null then false else true end
                  from sla_dossier_clock c
                 where c.dossier_code = dossier.code),
               false);
