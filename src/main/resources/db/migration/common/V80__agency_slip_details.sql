-- catalog: what a slip prints of the agency that receives a dossier (README "Citizen portal, counter and slips").
-- unit: the prefix of the agency's department groups (phanrang for phanrang-reception…), which procedures name as
-- their reception unit; symbol: the agency's own abbreviation in slip numbers (Số: 0001/TN-<symbol>(BPTNTKQ));
-- phone: its help line, printed only when known.
alter table agency add column unit varchar(40);
alter table agency add column symbol varchar(40);
alter table agency add column phone varchar(40);
