-- Demo catalogue: the agencies' department prefixes and slip symbols (TT PVHCC as in the BYT forms, domain.md §4.2;
-- a ward's one-stop shop numbers its slips under its people's committee, UBND). No phone is known for any of them:
-- the slips then print no help line rather than a made-up one.
update agency set symbol = 'UBND' where code = '000.00.00.H43';
update agency set unit = 'ttpvhcc', symbol = 'TTPVHCC' where code = '000.00.01.H43';
update agency set unit = 'sxd', symbol = 'SXD' where code = '000.00.12.H43';
update agency set unit = 'phanrang', symbol = 'UBND' where code = '000.20.43.H43';
update agency set unit = 'congan', symbol = 'CAP' where code = '000.61.43.H43';
update agency set unit = 'bhxh', symbol = 'BHXH' where code = '000.62.00.H43';
