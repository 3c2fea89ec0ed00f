-- Demo catalogue: Ninh Thuận (H43, derived, unconfirmed: domain.md §7.2). Agency codes below H43 are hypothetical,
-- national procedure codes marked [M] are unverified. A province replaces this file with its own catalogue.
insert into agency (code, name, level_name, parent_code, note) values
('000.00.00.H43', 'Ủy ban nhân dân tỉnh Ninh Thuận', 'PROVINCE', null, 'mã tỉnh H43 suy ra, chưa xác nhận'),
('000.00.01.H43', 'Trung tâm Phục vụ hành chính công tỉnh Ninh Thuận', 'PROVINCE', '000.00.00.H43', 'mã giả định'),
('000.00.12.H43', 'Sở Xây dựng tỉnh Ninh Thuận', 'PROVINCE', '000.00.00.H43', 'mã giả định (domain.md §16.4)'),
('000.20.43.H43', 'Ủy ban nhân dân phường Phan Rang', 'COMMUNE', '000.00.00.H43', 'mã giả định');

insert into catalog_procedure (code, name, sector, agency_code, legal_time, time_unit, cut_off, fee, online_level,
        process_key, start_form, reception_unit, handling_unit, effective_from, source_note) values
('1.009994.H43', 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 'Hoạt động xây dựng', '000.20.43.H43',
        15, 'WORKING_DAYS', null, 'Lệ phí 75.000 đồng/giấy phép', 'PARTIAL',
        'standard_procedure', 'form_house_permit_application', 'phanrang', 'phanrang', '2025-07-01',
        'Luật Xây dựng 2014 (sửa đổi 2020) Điều 102; mã TTHC quốc gia [M] chưa đối chiếu'),
('1.009991.H43', 'Cấp giấy phép xây dựng mới đối với công trình không theo tuyến', 'Hoạt động xây dựng', '000.00.12.H43',
        20, 'WORKING_DAYS', null, 'Lệ phí 150.000 đồng/giấy phép', 'PARTIAL',
        'standard_procedure', 'form_house_permit_application', 'ttpvhcc', 'sxd', '2025-07-01',
        'Luật Xây dựng 2014 (sửa đổi 2020) Điều 102; mã TTHC quốc gia [M] chưa đối chiếu'),
('2.000635.H43', 'Cấp bản sao trích lục hộ tịch', 'Hộ tịch', '000.20.43.H43',
        1, 'WORKING_DAYS', '15:00', 'Lệ phí 8.000 đồng/bản sao trích lục', 'FULL',
        'standard_procedure', 'form_civil_extract_application', 'phanrang', 'phanrang', '2025-07-01',
        'Luật Hộ tịch 2014 Điều 64; mã 2.000635 [V2] domain.md §7.3'),
('2.000815.H43', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
        'Chứng thực', '000.20.43.H43',
        1, 'WORKING_DAYS', '15:00', 'Phí 2.000 đồng/trang; từ trang thứ ba 1.000 đồng/trang, tối đa 200.000 đồng/bản', 'PARTIAL',
        'copy_certification', 'form_copy_certification_application', 'phanrang', 'phanrang', '2025-07-01',
        'NĐ 23/2015/NĐ-CP Điều 21; mã 2.000815 [M] domain.md §7.3');

insert into catalog_component (procedure_code, position, code, name, required) values
('1.009994.H43', 1, 'DON', 'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II NĐ 15/2021/NĐ-CP)', true),
('1.009994.H43', 2, 'QSDD', 'Bản sao giấy tờ chứng minh quyền sử dụng đất', true),
('1.009994.H43', 3, 'BANVE', 'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)', true),
('1.009994.H43', 4, 'CAMKET', 'Bản cam kết bảo đảm an toàn đối với công trình liền kề (nếu có)', false),
('1.009991.H43', 1, 'DON', 'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II NĐ 15/2021/NĐ-CP)', true),
('1.009991.H43', 2, 'QSDD', 'Bản sao giấy tờ chứng minh quyền sử dụng đất', true),
('1.009991.H43', 3, 'TKCS', 'Bản sao quyết định phê duyệt dự án và văn bản thẩm định thiết kế', true),
('1.009991.H43', 4, 'BANVE', 'Bản vẽ thiết kế xây dựng', true),
('2.000635.H43', 1, 'TOKHAI', 'Tờ khai cấp bản sao trích lục hộ tịch', true),
('2.000635.H43', 2, 'UYQUYEN', 'Văn bản ủy quyền (nếu nộp thay)', false),
('2.000815.H43', 1, 'BANCHINH', 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', true),
('2.000815.H43', 2, 'BANSAO', 'Bản sao cần chứng thực', true);

-- per-procedure step budgets over the shared template (sum equals the legal time: 8 h = 1 working day)
insert into catalog_step_budget (procedure_code, task_key, budget) values
('1.009994.H43', 'Task_AppraiseDossier', '10d'),
('1.009994.H43', 'Task_ReviewDossier', '2d'),
('1.009994.H43', 'Task_SignResult', '1d'),
('1.009991.H43', 'Task_AppraiseDossier', '15d'),
('1.009991.H43', 'Task_ReviewDossier', '2d'),
('1.009991.H43', 'Task_SignResult', '1d'),
('2.000635.H43', 'Task_CheckDossier', '1h'),
('2.000635.H43', 'Task_AssignDossier', '1h'),
('2.000635.H43', 'Task_AppraiseDossier', '2h'),
('2.000635.H43', 'Task_ReviewDossier', '1h'),
('2.000635.H43', 'Task_SignResult', '1h'),
('2.000635.H43', 'Task_IssueResult', '1h'),
('2.000635.H43', 'Task_ReturnResult', '1h');
