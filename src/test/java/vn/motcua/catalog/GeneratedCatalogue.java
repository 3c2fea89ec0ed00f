package vn.motcua.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalogue of many procedures in our import JSON, made up but shaped like a province's: names with diacritics
 * across sectors, the demo agencies, 2–5 components, legal times in working days, working hours and calendar days.
 * Codes start with 9. (no national code does), so that tests can remove them again.
 */
public final class GeneratedCatalogue {

    private record Sector(String name, List<String> stems) {}

    private static final List<Sector> SECTORS = List.of(
            new Sector(
                    "Hộ tịch",
                    List.of(
                            "Đăng ký khai sinh",
                            "Đăng ký kết hôn",
                            "Đăng ký khai tử",
                            "Đăng ký nhận cha, mẹ, con",
                            "Cấp giấy xác nhận tình trạng hôn nhân",
                            "Đăng ký thay đổi, cải chính hộ tịch")),
            new Sector(
                    "Đất đai",
                    List.of(
                            "Đăng ký biến động quyền sử dụng đất",
                            "Cấp đổi giấy chứng nhận quyền sử dụng đất",
                            "Tách thửa hoặc hợp thửa đất",
                            "Chuyển mục đích sử dụng đất",
                            "Đính chính giấy chứng nhận đã cấp")),
            new Sector(
                    "Xây dựng",
                    List.of(
                            "Cấp giấy phép xây dựng nhà ở riêng lẻ",
                            "Điều chỉnh giấy phép xây dựng",
                            "Gia hạn giấy phép xây dựng",
                            "Cấp giấy phép di dời công trình")),
            new Sector(
                    "Giáo dục và Đào tạo",
                    List.of(
                            "Cho phép trường mầm non hoạt động giáo dục",
                            "Chuyển trường đối với học sinh trung học cơ sở",
                            "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
                            "Công nhận trường đạt chuẩn quốc gia")),
            new Sector(
                    "Y tế",
                    List.of(
                            "Cấp giấy phép hành nghề khám bệnh, chữa bệnh",
                            "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
                            "Cấp giấy phép hoạt động phòng khám",
                            "Công bố cơ sở đủ điều kiện tiêm chủng")),
            new Sector(
                    "Lao động, Thương binh và Xã hội",
                    List.of(
                            "Giải quyết trợ cấp xã hội hằng tháng",
                            "Cấp giấy phép lao động cho người nước ngoài",
                            "Đăng ký nội quy lao động",
                            "Hỗ trợ chi phí mai táng")),
            new Sector(
                    "Thành lập và hoạt động doanh nghiệp",
                    List.of(
                            "Đăng ký thành lập hộ kinh doanh",
                            "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
                            "Tạm ngừng kinh doanh",
                            "Chấm dứt hoạt động hộ kinh doanh")),
            new Sector(
                    "Chứng thực",
                    List.of(
                            "Chứng thực chữ ký trong giấy tờ, văn bản",
                            "Chứng thực hợp đồng, giao dịch liên quan đến động sản",
                            "Chứng thực việc sửa đổi, bổ sung hợp đồng")));

    private static final List<String> CASES = List.of(
            "",
            " (trường hợp cấp lại)",
            " có yếu tố nước ngoài",
            " (trường hợp bị mất, hư hỏng)",
            " đối với tổ chức",
            " cho cá nhân cư trú trong tỉnh",
            " (thủ tục rút gọn)");

    private static final List<List<String>> COMPONENTS = List.of(
            List.of("TOKHAI", "Tờ khai theo mẫu quy định"),
            List.of("CCCD", "Bản sao thẻ căn cước hoặc giấy tờ tùy thân"),
            List.of("GIAYTO", "Giấy tờ chứng minh nội dung đề nghị"),
            List.of("BANVE", "Bản vẽ, sơ đồ kèm theo"),
            List.of("UYQUYEN", "Văn bản ủy quyền (nếu có)"));

    /** Agency code, reception unit, handling unit: the demo agencies whose department groups exist. */
    private static final List<List<String>> AGENCIES =
            List.of(List.of("000.20.43.H43", "phanrang", "phanrang"), List.of("000.00.12.H43", "ttpvhcc", "sxd"));

    private GeneratedCatalogue() {}

    public static String code(int i) {
        return String.format("9.%06d.H43", i);
    }

    public static List<Map<String, Object>> procedures(int count) {
        List<Map<String, Object>> procedures = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            procedures.add(procedure(i));
        }
        return procedures;
    }

    public static Map<String, Object> procedure(int i) {
        Sector sector = SECTORS.get(i % SECTORS.size());
        String name =
                sector.stems().get((i / SECTORS.size()) % sector.stems().size()) + CASES.get((i / 7) % CASES.size());
        List<String> agency = AGENCIES.get(i % 3 == 0 ? 1 : 0);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code(i));
        p.put("name", name);
        p.put("sector", sector.name());
        p.put("agencyCode", agency.get(0));
        switch (i % 3) {
            case 0 -> {
                p.put("legalTime", 6 + i % 25);
                p.put("timeUnit", "WORKING_DAYS");
                p.put("processKey", "standard_procedure");
                p.put("startForm", "form_house_permit_application");
            }
            case 1 -> {
                p.put("legalTime", 4 + 4 * (i % 6));
                p.put("timeUnit", "WORKING_HOURS");
                p.put("cutOff", "15:00");
                p.put("processKey", "copy_certification");
                p.put("startForm", "form_copy_certification_application");
            }
            default -> {
                p.put("legalTime", 10 + i % 36);
                p.put("timeUnit", "CALENDAR_DAYS");
                p.put("processKey", "standard_procedure");
                p.put("startForm", "form_house_permit_application");
            }
        }
        p.put("fee", i % 4 == 0 ? "Miễn phí" : "Lệ phí " + (10 + i % 9 * 5) + ".000 đồng/hồ sơ");
        p.put("onlineLevel", i % 2 == 0 ? "FULL" : "PARTIAL");
        p.put("receptionUnit", agency.get(1));
        p.put("handlingUnit", agency.get(2));
        p.put("sourceNote", "Quyết định công bố danh mục số " + (100 + i % 400) + "/QĐ-UBND (dữ liệu thử)");
        List<Map<String, Object>> components = new ArrayList<>();
        int many = 2 + i % 4;
        for (int c = 0; c < many; c++) {
            List<String> component = COMPONENTS.get((i + c) % COMPONENTS.size());
            components.add(Map.of(
                    "code", component.get(0),
                    "name", component.get(1),
                    "required", !component.get(1).endsWith("(nếu có)")));
        }
        p.put("components", components);
        if (i % 10 == 0 && i % 3 == 0) {
            p.put("stepBudgets", Map.of("Task_AppraiseDossier", "2d"));
        }
        return p;
    }
}
