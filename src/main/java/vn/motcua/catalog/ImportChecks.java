package vn.motcua.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.api.Problems;
import vn.motcua.api.TextRules;
import vn.motcua.calendar.TimeUnit;

/**
 * The catalogue's own checks of one import row, field by field, turning it into the procedure it would store: required
 * fields, lengths and characters (as {@code TextRules}), choices, numbers, known agencies and units, components.
 */
final class ImportChecks {

    /** What the rows are checked against: the registry, and the newest version of each code already here. */
    record Known(Map<String, String> agencies, Set<String> units, Map<String, LocalDate> latestEffectiveFrom) {}

    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("code", "Mã thủ tục"),
            Map.entry("name", "Tên thủ tục"),
            Map.entry("sector", "Lĩnh vực"),
            Map.entry("agencyCode", "Cơ quan thực hiện"),
            Map.entry("legalTime", "Thời hạn giải quyết"),
            Map.entry("timeUnit", "Đơn vị tính"),
            Map.entry("fee", "Phí, lệ phí"),
            Map.entry("sourceNote", "Căn cứ pháp lý"),
            Map.entry("components", "Thành phần hồ sơ"),
            Map.entry("onlineLevel", "Mức độ dịch vụ công"),
            Map.entry("cutOff", "Giờ chốt"),
            Map.entry("processKey", "Mô hình quy trình"),
            Map.entry("startForm", "Biểu mẫu"),
            Map.entry("receptionUnit", "Đơn vị tiếp nhận"),
            Map.entry("handlingUnit", "Đơn vị giải quyết"),
            Map.entry("handoffOnly", "Chỉ nhận liên thông"),
            Map.entry("stepBudgets", "Thời hạn từng bước"),
            Map.entry("routes", "Tuyến phòng ban"),
            Map.entry("effectiveFrom", "Ngày có hiệu lực"));

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]*");
    private static final Pattern BUDGET = Pattern.compile("\\d+[hd]");

    private final int row;
    private final String code;
    private final List<ImportReport.Problem> problems;

    private ImportChecks(ImportRow imported, List<ImportReport.Problem> problems) {
        this.row = imported.row();
        this.code = imported.code();
        this.problems = problems;
    }

    /** The procedure the row describes (version 0 until stored), or empty when any of its fields is wrong. */
    static Optional<ProcedureChecks.Candidate> check(
            ImportRow r, LocalDate effectiveFrom, Known known, List<ImportReport.Problem> problems) {
        int before = problems.size();
        ImportChecks checks = new ImportChecks(r, problems);
        ImportRow.Settings s = r.settings();
        checks.line("code", r.code(), 40);
        if (r.code() != null && !r.code().isBlank() && !CODE.matcher(r.code()).matches()) {
            checks.add(
                    "code",
                    "\"Mã thủ tục\" chỉ gồm chữ, số và các dấu . _ -",
                    "\"code\" may hold only letters, digits and . _ -");
        }
        checks.line("name", r.name(), 500);
        checks.line("sector", r.sector(), 200);
        checks.text("fee", r.fee(), 500);
        checks.optionalText("sourceNote", r.sourceNote(), 500);
        String agency = checks.agency(r.agencyCode(), known);
        Integer legalTime = checks.legalTime(r.legalTime());
        TimeUnit unit = checks.timeUnit(r.timeUnit());
        Procedure.OnlineLevel level = checks.onlineLevel(s.onlineLevel());
        String cutOff = checks.cutOff(s.cutOff());
        Boolean handoffOnly = checks.yesNo("handoffOnly", s.handoffOnly());
        checks.line("processKey", s.processKey(), 100);
        checks.line("startForm", s.startForm(), 100);
        checks.unit("receptionUnit", s.receptionUnit(), known);
        checks.unit("handlingUnit", s.handlingUnit(), known);
        List<Procedure.Component> components = checks.components(r.components());
        Map<String, String> budgets = checks.budgets(s.stepBudgets());
        Map<String, String> routes = checks.routes(s.routes());
        LocalDate latest = r.code() == null ? null : known.latestEffectiveFrom().get(r.code());
        if (latest != null && effectiveFrom.isBefore(latest)) {
            checks.add(
                    "effectiveFrom",
                    "ngày có hiệu lực " + effectiveFrom + " trước ngày có hiệu lực của phiên bản mới nhất (" + latest
                            + "): các phiên bản phải theo thứ tự ngày",
                    "the effective date " + effectiveFrom + " is before the newest version's (" + latest
                            + "): versions follow the order of their dates");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        Procedure procedure = new Procedure(
                r.code().strip(),
                r.name().strip(),
                r.sector().strip(),
                agency,
                known.agencies().get(agency),
                legalTime,
                unit,
                cutOff,
                r.fee().strip(),
                level,
                s.processKey().strip(),
                s.startForm().strip(),
                s.receptionUnit().strip(),
                s.handlingUnit().strip(),
                effectiveFrom,
                r.sourceNote() == null || r.sourceNote().isBlank()
                        ? null
                        : r.sourceNote().strip(),
                handoffOnly,
                components,
                0);
        return Optional.of(new ProcedureChecks.Candidate(r.row(), procedure, budgets, routes));
    }

    void add(String field, String message, String messageEn) {
        problems.add(new ImportReport.Problem(row, code, field, message, messageEn));
    }

    private static String label(String field) {
        String base = field.replaceAll("[\\[.].*", "");
        return LABELS.getOrDefault(base, field) + (field.equals(base) ? "" : " (" + field + ")");
    }

    private boolean missing(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "thiếu \"" + label(field) + "\"", "\"" + field + "\" is missing");
            return true;
        }
        return false;
    }

    private void line(String field, String value, int max) {
        if (!missing(field, value)) {
            rules(field, value, max, true);
        }
    }

    private void text(String field, String value, int max) {
        if (!missing(field, value)) {
            rules(field, value, max, false);
        }
    }

    private void optionalText(String field, String value, int max) {
        if (value != null && !value.isBlank()) {
            rules(field, value, max, false);
        }
    }

    private void rules(String field, String value, int max, boolean oneLine) {
        Problems found = new Problems();
        TextRules.Label label = new TextRules.Label(label(field), field);
        if (oneLine) {
            TextRules.line(label, value, max, found);
        } else {
            TextRules.text(label, value, max, found);
        }
        for (int i = 0; i < found.vietnamese().size(); i++) {
            add(field, found.vietnamese().get(i), found.english().get(i));
        }
    }

    /** An agency of the registry, by its code or (as the national export writes it) by its exact name. */
    private String agency(String given, Known known) {
        if (missing("agencyCode", given)) {
            return null;
        }
        String value = given.strip();
        if (known.agencies().containsKey(value)) {
            return value;
        }
        Optional<String> byName = known.agencies().entrySet().stream()
                .filter(a -> a.getValue().equalsIgnoreCase(value))
                .map(Map.Entry::getKey)
                .findFirst();
        if (byName.isEmpty()) {
            add(
                    "agencyCode",
                    "không có cơ quan \"" + value + "\" trong danh mục cơ quan",
                    "there is no agency \"" + value + "\" in the agency registry");
        }
        return byName.orElse(null);
    }

    private void unit(String field, String given, Known known) {
        if (!missing(field, given) && !known.units().contains(given.strip())) {
            add(
                    field,
                    "không có đơn vị \"" + given.strip() + "\" (" + label(field) + "): đơn vị là tiền tố nhóm phòng ban"
                            + " của một cơ quan, ví dụ phanrang",
                    "there is no unit \"" + given.strip() + "\" (" + field + "): a unit is the prefix of an agency's"
                            + " department groups, e.g. phanrang");
        }
    }

    private Integer legalTime(String given) {
        if (missing("legalTime", given)) {
            return null;
        }
        try {
            int value = Integer.parseInt(given.strip().replaceFirst("\\.0+$", ""));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // named below
        }
        add(
                "legalTime",
                "\"Thời hạn giải quyết\" phải là số nguyên lớn hơn 0 (đang là \"" + given + "\")",
                "\"legalTime\" must be a whole number above 0, not \"" + given + "\"");
        return null;
    }

    private TimeUnit timeUnit(String given) {
        if (missing("timeUnit", given)) {
            return null;
        }
        String value = given.strip().toLowerCase(Locale.ROOT);
        TimeUnit unit = switch (value) {
            case "working_days", "ngày làm việc" -> TimeUnit.WORKING_DAYS;
            case "working_hours", "giờ làm việc" -> TimeUnit.WORKING_HOURS;
            case "calendar_days", "ngày" -> TimeUnit.CALENDAR_DAYS;
            default -> null;
        };
        if (unit == null) {
            add(
                    "timeUnit",
                    "\"Đơn vị tính\" \"" + given + "\" không hợp lệ: Ngày làm việc, Giờ làm việc hoặc Ngày",
                    "\"timeUnit\" \"" + given + "\" is not one of WORKING_DAYS (Ngày làm việc), WORKING_HOURS"
                            + " (Giờ làm việc), CALENDAR_DAYS (Ngày)");
        }
        return unit;
    }

    private Procedure.OnlineLevel onlineLevel(String given) {
        if (missing("onlineLevel", given)) {
            return null;
        }
        Procedure.OnlineLevel level = switch (given.strip().toLowerCase(Locale.ROOT)) {
            case "full", "toàn trình" -> Procedure.OnlineLevel.FULL;
            case "partial", "một phần" -> Procedure.OnlineLevel.PARTIAL;
            default -> null;
        };
        if (level == null) {
            add(
                    "onlineLevel",
                    "\"Mức độ dịch vụ công\" \"" + given + "\" không hợp lệ: Toàn trình hoặc Một phần",
                    "\"onlineLevel\" \"" + given + "\" is not one of FULL (Toàn trình), PARTIAL (Một phần)");
        }
        return level;
    }

    private String cutOff(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(given.strip()).toString();
        } catch (DateTimeParseException notATime) {
            add(
                    "cutOff",
                    "\"Giờ chốt\" \"" + given + "\" không phải giờ dạng HH:mm (ví dụ 15:00)",
                    "\"cutOff\" \"" + given + "\" is not a time HH:mm (e.g. 15:00)");
            return null;
        }
    }

    private Boolean yesNo(String field, String given) {
        String value = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "false", "không", "0" -> false;
            case "true", "có", "1" -> true;
            default -> {
                add(
                        field,
                        "\"" + label(field) + "\" \"" + given + "\" không hợp lệ: Có hoặc Không",
                        "\"" + field + "\" \"" + given + "\" is not true or false");
                yield null;
            }
        };
    }

    private List<Procedure.Component> components(List<ImportRow.Component> given) {
        List<Procedure.Component> components = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            ImportRow.Component c = given.get(i);
            String field = "components[" + (i + 1) + "]";
            line(field + ".code", c.code(), 40);
            line(field + ".name", c.name(), 500);
            Boolean required = yesNo(field + ".required", c.required());
            if (c.code() != null && !c.code().isBlank() && !codes.add(c.code().strip())) {
                add(
                        field + ".code",
                        "thành phần hồ sơ \"" + c.code().strip() + "\" có hai lần",
                        "the component \"" + c.code().strip() + "\" is given twice");
            }
            if (c.code() != null && c.name() != null && required != null) {
                components.add(new Procedure.Component(
                        c.code().strip(), Procedures.withoutIfAny(c.name().strip()), required));
            }
        }
        return components;
    }

    /** The roles must be the models' and each group a name; that the group exists is the workflow's check. */
    private Map<String, String> routes(Map<String, String> given) {
        Map<String, String> routes = new LinkedHashMap<>();
        (given == null ? Map.<String, String>of() : given).forEach((role, group) -> {
            String field = "routes." + role;
            if (!DepartmentRoutes.ROLES.contains(role)) {
                add(
                        field,
                        "vai trò \"" + role + "\" không có trong các mô hình: " + DepartmentRoutes.ROLES,
                        "the role \"" + role + "\" is not one the models use: " + DepartmentRoutes.ROLES);
            } else if (!missing(field, group)) {
                if (group.length() > 255) {
                    add(
                            field,
                            "nhóm phòng ban của vai trò " + role + " dài quá 255 ký tự",
                            "the department group of role " + role + " is longer than 255 characters");
                } else {
                    routes.put(role, group.strip());
                }
            }
        });
        return routes;
    }

    private Map<String, String> budgets(Map<String, String> given) {
        Map<String, String> budgets = new LinkedHashMap<>();
        (given == null ? Map.<String, String>of() : given).forEach((task, budget) -> {
            String value = budget == null ? "" : budget.strip();
            if (!BUDGET.matcher(value).matches()) {
                add(
                        "stepBudgets." + task,
                        "thời hạn bước " + task + " \"" + value + "\" không hợp lệ: dạng 4h hoặc 2d (1 ngày = 8 giờ)",
                        "the budget of step " + task + " \"" + value + "\" is not like 4h or 2d (1 day = 8 hours)");
            } else {
                budgets.put(task.strip(), value);
            }
        });
        return budgets;
    }
}
