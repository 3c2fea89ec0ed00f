-- Demo catalogue, liên thông (domain.md §10.1): birth registration filed at the ward, with the ward police's permanent
-- residence registration and social insurance's BHYT card for the child as parts of the same dossier. Agency codes are
-- hypothetical (mã giả định), the national procedure codes [M] are unverified.
insert into agency (code, name, level_name, parent_code, note) values
('000.61.43.H43', 'Công an phường Phan Rang', 'COMMUNE', '000.00.00.H43', 'mã giả định'),
('000.62.00.H43', 'Bảo hiểm xã hội tỉnh Ninh Thuận', 'PROVINCE', '000.00.00.H43', 'mã giả định');

-- Its procedures come in as a catalogue import: db/demo/catalogue.json (catalog/DemoCatalogue).
