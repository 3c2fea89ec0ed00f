-- Demo catalogue: each demo agency's default department routes (procedure '*'), to the groups of the demo identity and
-- of keycloak/motcua-realm.json. The construction department's dossiers are received at the provincial centre.
insert into department_route (agency_code, procedure_code, role, group_id, changed_by, changed_at) values
('000.20.43.H43', '*', 'reception', 'phanrang-reception', 'demo', current_timestamp),
('000.20.43.H43', '*', 'specialist', 'phanrang-specialist', 'demo', current_timestamp),
('000.20.43.H43', '*', 'head', 'phanrang-head', 'demo', current_timestamp),
('000.20.43.H43', '*', 'leader', 'phanrang-leader', 'demo', current_timestamp),
('000.20.43.H43', '*', 'clerk', 'phanrang-clerk', 'demo', current_timestamp),
('000.00.12.H43', '*', 'reception', 'ttpvhcc-reception', 'demo', current_timestamp),
('000.00.12.H43', '*', 'specialist', 'sxd-specialist', 'demo', current_timestamp),
('000.00.12.H43', '*', 'head', 'sxd-head', 'demo', current_timestamp),
('000.00.12.H43', '*', 'leader', 'sxd-leader', 'demo', current_timestamp),
('000.00.12.H43', '*', 'clerk', 'sxd-clerk', 'demo', current_timestamp),
('000.61.43.H43', '*', 'specialist', 'congan-specialist', 'demo', current_timestamp),
('000.61.43.H43', '*', 'head', 'congan-head', 'demo', current_timestamp),
('000.62.00.H43', '*', 'specialist', 'bhxh-specialist', 'demo', current_timestamp);
