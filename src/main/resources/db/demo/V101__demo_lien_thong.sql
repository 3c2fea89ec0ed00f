-- Demo catalogue, liên thông (domain.md §10.1): birth registration filed at the ward, with the ward police's permanent
-- residence registration and social insurance's BHYT card for the child as parts of the same dossier. Agency codes are
-- hypothetical (mã giả định), the national procedure codes [M] are unverified.
insert into agency (code, name, level_name, parent_code, note) values
('000.61.43.H43', 'Công an phường Phan Rang', 'COMMUNE', '000.00.00.H43', 'mã giả định'),
('000.62.00.H43', 'Bảo hiểm xã hội tỉnh Ninh Thuận', 'PROVINCE', '000.00.00.H43', 'mã giả định');

insert into catalog_procedure (code, name, sector, agency_code, legal_time, time_unit, cut_off, fee, online_level,
        process_key, start_form, reception_unit, handling_unit, effective_from, source_note) values
('1.001193.H43', 'Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
        'Hộ tịch', '000.20.43.H43',
        3, 'WORKING_DAYS', '15:00', 'Miễn lệ phí', 'FULL',
        'birth_registration', 'form_birth_registration_application', 'phanrang', 'phanrang', '2025-07-01',
        'NĐ 63/2024/NĐ-CP; QĐ 296/QĐ-VPCP; 5 ngày làm việc nếu phải xác minh cư trú; mã 1.001193 [M] chưa đối chiếu'),
('1.004194.H43', 'Đăng ký thường trú (phần liên thông khai sinh)', 'Đăng ký, quản lý cư trú', '000.61.43.H43',
        2, 'WORKING_DAYS', '15:00', 'Miễn lệ phí', 'FULL',
        'residence_registration', 'form_birth_registration_application', 'congan', 'congan', '2025-07-01',
        'NĐ 63/2024/NĐ-CP; tối đa 5 ngày làm việc nếu phải xác minh; chỉ nhận qua liên thông; mã 1.004194 [M] chưa đối chiếu'),
('1.001001.H43', 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi (phần liên thông khai sinh)', 'Bảo hiểm y tế', '000.62.00.H43',
        2, 'WORKING_DAYS', '15:00', 'Miễn phí', 'FULL',
        'health_insurance_card', 'form_birth_registration_application', 'bhxh', 'bhxh', '2025-07-01',
        'NĐ 63/2024/NĐ-CP; chỉ nhận qua liên thông; mã 1.001001 [M] chưa đối chiếu');

insert into catalog_component (procedure_code, position, code, name, required) values
('1.001193.H43', 1, 'TOKHAI', 'Tờ khai điện tử đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT (Mẫu 01 NĐ 63/2024/NĐ-CP)', true),
('1.001193.H43', 2, 'CHUNGSINH', 'Giấy chứng sinh điện tử (hoặc giấy tờ thay thế theo pháp luật hộ tịch)', true),
('1.001193.H43', 3, 'CUTRU', 'Giấy tờ chứng minh chỗ ở hợp pháp (nếu đăng ký thường trú khác nơi của cha, mẹ)', false),
('1.004194.H43', 1, 'TOKHAI', 'Tờ khai điện tử (nhận qua liên thông)', true),
('1.001001.H43', 1, 'TOKHAI', 'Tờ khai điện tử (nhận qua liên thông)', true);

-- the two parts come only from the ward's civil-status office (domain.md §10.1), never from a filer
update catalog_procedure set handoff_only = true where code in ('1.004194.H43', '1.001001.H43');
