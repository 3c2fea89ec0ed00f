-- catalog module: a part of a liên thông group (e.g. the police's residence registration inside the birth group) is
-- received only as a handoff from another agency; the public catalogue does not offer it and filing it is refused.
alter table catalog_procedure add column handoff_only boolean default false not null;
