-- Demo catalogue: Ninh Thuận (H43, derived, unconfirmed: domain.md §7.2). Agency codes below H43 are hypothetical,
-- national procedure codes marked [M] are unverified. A province replaces this file with its own catalogue.
insert into agency (code, name, level_name, parent_code, note) values
('000.00.00.H43', 'Ủy ban nhân dân tỉnh Ninh Thuận', 'PROVINCE', null, 'mã tỉnh H43 suy ra, chưa xác nhận'),
('000.00.01.H43', 'Trung tâm Phục vụ hành chính công tỉnh Ninh Thuận', 'PROVINCE', '000.00.00.H43', 'mã giả định'),
('000.00.12.H43', 'Sở Xây dựng tỉnh Ninh Thuận', 'PROVINCE', '000.00.00.H43', 'mã giả định (domain.md §16.4)'),
('000.20.43.H43', 'Ủy ban nhân dân phường Phan Rang', 'COMMUNE', '000.00.00.H43', 'mã giả định');

-- Its procedures come in as a catalogue import: db/demo/catalogue.json (catalog/DemoCatalogue).
