package vn.motcua.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeds dossiers for the tracking scenario with multi-row INSERTs on a connection of its own, straight into our
 * tables ({@code dossier}, {@code dossier_step}, {@code dossier_status_change}, {@code dossier_sequence}): the four
 * demo procedures with their agencies and departments, codes {@code <agency>-YYMMDD-NNNN} numbered per agency and day,
 * a year of filings before today, finished dossiers with their whole timeline and recent ones part way. The engine
 * never ran these dossiers: no process instances, no history, no attachments are loaded.
 */
final class BulkLoader {

    private static final int CHUNK = 2000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Đặng", "Bùi"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Minh", "Ngọc", "Đức", "Thanh", "Quốc"};
    private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Hà", "Hùng", "Lan", "Nam", "Phúc", "Trang"};

    record StepSpec(String key, String name, String department, String publicText) {}

    record ProcedureSpec(String code, String agency, int legalDays, double share, List<StepSpec> steps) {}

    static final List<ProcedureSpec> PROCEDURES = List.of(
            new ProcedureSpec("1.009994.H43", "000.20.43.H43", 15, 0.30, template("phanrang", "phanrang")),
            new ProcedureSpec("1.009991.H43", "000.00.12.H43", 20, 0.10, template("ttpvhcc", "sxd")),
            new ProcedureSpec("2.000635.H43", "000.20.43.H43", 1, 0.35, template("phanrang", "phanrang")),
            new ProcedureSpec(
                    "2.000815.H43",
                    "000.20.43.H43",
                    1,
                    0.25,
                    List.of(
                            new StepSpec(
                                    "Task_CheckDossier",
                                    "Kiểm tra hồ sơ",
                                    "phanrang-reception",
                                    "Đang kiểm tra hồ sơ tại Bộ phận Một cửa"),
                            new StepSpec(
                                    "Task_CertifyCopy",
                                    "Chứng thực bản sao",
                                    "phanrang-specialist",
                                    "Đang chứng thực bản sao"),
                            new StepSpec(
                                    "Task_ReturnResult", "Trả kết quả", "phanrang-reception", "Chờ trả kết quả"))));

    private static List<StepSpec> template(String reception, String handling) {
        return List.of(
                new StepSpec(
                        "Task_CheckDossier",
                        "Kiểm tra hồ sơ",
                        reception + "-reception",
                        "Đang kiểm tra hồ sơ tại Bộ phận Một cửa"),
                new StepSpec("Task_AssignDossier", "Phân công xử lý", handling + "-head", "Đang phân công xử lý"),
                new StepSpec(
                        "Task_AppraiseDossier", "Thẩm định hồ sơ", handling + "-specialist", "Đang thẩm định hồ sơ"),
                new StepSpec(
                        "Task_ReviewDossier",
                        "Xem xét, trình ký kết quả",
                        handling + "-head",
                        "Lãnh đạo phòng đang xem xét"),
                new StepSpec(
                        "Task_SignResult", "Ký duyệt kết quả", handling + "-leader", "Lãnh đạo cơ quan đang ký duyệt"),
                new StepSpec(
                        "Task_IssueResult",
                        "Vào số, phát hành kết quả",
                        handling + "-clerk",
                        "Văn thư đang phát hành kết quả"),
                new StepSpec("Task_ReturnResult", "Trả kết quả", reception + "-reception", "Đã có kết quả, chờ trả"));
    }

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final SplittableRandom random = new SplittableRandom(20251125);
    private final Map<String, Integer> sequences = new HashMap<>();
    private final List<String> codes = new ArrayList<>();
    private final LocalDate today = LocalDate.now();
    private long rows;

    BulkLoader(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Codes of every dossier this loader wrote. */
    List<String> codes() {
        return codes;
    }

    /** Rows written so far, over the three tables. */
    long rows() {
        return rows;
    }

    /** Adds dossiers until this loader has written {@code total}. */
    void fillTo(int total) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement sql = connection.createStatement()) {
            sql.execute("set session foreign_key_checks = 0, unique_checks = 0");
            connection.setAutoCommit(false);
            while (codes.size() < total) {
                writeChunk(sql, Math.min(CHUNK, total - codes.size()));
                connection.commit();
            }
            writeSequences(sql);
            connection.commit();
            connection.setAutoCommit(true);
            sql.execute("analyze table dossier, dossier_step, dossier_status_change");
        }
    }

    private void writeChunk(Statement sql, int count) throws SQLException {
        StringBuilder dossiers = new StringBuilder(count * 700);
        StringBuilder steps = new StringBuilder(count * 1200);
        StringBuilder changes = new StringBuilder(count * 500);
        for (int i = 0; i < count; i++) {
            dossier(dossiers, steps, changes);
        }
        sql.executeUpdate("insert into dossier (code, sequence_no, procedure_code, agency_code, channel, status,"
                + " applicant_kind, applicant_name, applicant_id_number, applicant_address, applicant_phone, filed_by,"
                + " summary, form_data, secret_hash, received_at, due_at, finished_at, current_step, public_timeline)"
                + " values "
                + dossiers.substring(1));
        if (!steps.isEmpty()) {
            sql.executeUpdate("insert into dossier_step (dossier_code, task_id, step_key, step_name, department,"
                    + " public_text, started_at, due_at, completed_at, completed_by, outcome) values "
                    + steps.substring(1));
        }
        sql.executeUpdate("insert into dossier_status_change (dossier_code, status, changed_at, actor, public_text)"
                + " values " + changes.substring(1));
    }

    private void dossier(StringBuilder dossiers, StringBuilder steps, StringBuilder changes) {
        ProcedureSpec procedure = pickProcedure();
        LocalDate day = today.minusDays(1 + random.nextInt(365));
        LocalDateTime received = day.atTime(
                7 + random.nextInt(9), random.nextInt(60), random.nextInt(60), random.nextInt(1000) * 1000000);
        String key = procedure.agency() + "|" + day;
        int sequence = sequences.merge(key, 1, Integer::sum);
        String code = procedure.agency() + "-" + DAY.format(day) + "-" + "%04d".formatted(sequence);
        codes.add(code);
        LocalDateTime due = received.plusDays(Math.round(procedure.legalDays() * 1.4) + 1);
        long ageDays = java.time.Duration.between(received, LocalDateTime.now()).toDays();
        boolean finished = ageDays > procedure.legalDays() * 1.4 + 3 || random.nextInt(100) < 30;
        boolean refused = random.nextInt(100) < 4;
        int stepsDone = refused
                ? 1
                : finished
                        ? procedure.steps().size()
                        : random.nextInt(procedure.steps().size());
        long spanMinutes = Math.max(
                60,
                java.time.Duration.between(received, finished ? due : LocalDateTime.now())
                        .toMinutes());
        LocalDateTime at = received;
        // the public timeline the dossier's row keeps (dossier.public_timeline), as the product writes it
        StringBuilder timeline = new StringBuilder();
        change(changes, timeline, code, 1, received, "congdan", null);
        int status = 1;
        String currentStep = procedure.steps().get(0).publicText();
        for (int s = 0; s < procedure.steps().size() && s <= stepsDone; s++) {
            StepSpec step = procedure.steps().get(s);
            LocalDateTime started = at;
            boolean done = s < stepsDone;
            at = at.plusMinutes(1
                    + random.nextLong(
                            Math.max(2, spanMinutes / procedure.steps().size())));
            steps.append(",('")
                    .append(code)
                    .append("','bulk-")
                    .append(code)
                    .append('-')
                    .append(s)
                    .append("','")
                    .append(step.key())
                    .append("','")
                    .append(step.name())
                    .append("','")
                    .append(step.department())
                    .append("','")
                    .append(step.publicText())
                    .append("',")
                    .append(time(started))
                    .append(',')
                    .append(time(started.plusHours(8)))
                    .append(',')
                    .append(done ? time(at) : "null")
                    .append(',')
                    .append(done ? "'" + step.department().replace('-', '.') + "'" : "null")
                    .append(',')
                    .append(done ? (refused ? "'refuse'" : "'accept'") : "null")
                    .append(')');
            timeline.append(",{\"kind\":1,\"at\":\"")
                    .append(started)
                    .append("\",\"text\":\"")
                    .append(step.publicText())
                    .append("\",\"id\":\"bulk-")
                    .append(code)
                    .append('-')
                    .append(s)
                    .append("\",\"key\":\"")
                    .append(step.key())
                    .append("\",\"name\":\"")
                    .append(step.name())
                    .append("\",\"department\":\"")
                    .append(step.department())
                    .append("\",\"due\":\"")
                    .append(started.plusHours(8))
                    .append(done ? "\",\"done\":\"" + at : "")
                    .append("\"}");
            rows++;
            if (done) {
                if (refused) {
                    status = 3;
                    change(changes, timeline, code, 3, at, "official", "Không được tiếp nhận");
                    currentStep = "Không được tiếp nhận";
                } else if (s == 0) {
                    status = 2;
                    change(changes, timeline, code, 2, at, "official", "Đã tiếp nhận hồ sơ");
                } else if (s == 1) {
                    status = 4;
                    change(changes, timeline, code, 4, at, "official", null);
                } else if (s == procedure.steps().size() - 2) {
                    status = 9;
                    change(changes, timeline, code, 9, at, "official", null);
                } else if (s == procedure.steps().size() - 1) {
                    status = 10;
                    change(changes, timeline, code, 10, at, "official", "Đã trả kết quả");
                    currentStep = "Đã trả kết quả";
                }
            } else {
                currentStep = step.publicText();
            }
            if (status == 3) {
                break;
            }
        }
        boolean closed = status == 10 || status == 3;
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
        dossiers.append(",('")
                .append(code)
                .append("',")
                .append(sequence)
                .append(",'")
                .append(procedure.code())
                .append("','")
                .append(procedure.agency())
                .append("','")
                .append(random.nextInt(100) < 60 ? "ONLINE" : "COUNTER")
                .append("',")
                .append(status)
                .append(",'PERSON','")
                .append(name)
                .append("','0580")
                .append(String.format("%08d", random.nextInt(100_000_000)))
                .append("','")
                .append(1 + random.nextInt(300))
                .append(" Thống Nhất, phường Phan Rang, tỉnh Ninh Thuận','09")
                .append(String.format("%08d", random.nextInt(100_000_000)))
                .append("','congdan','")
                .append(procedure.code())
                .append(" – ")
                .append(name)
                .append("','{\"constructionAddress\":\"Thửa ")
                .append(random.nextInt(500))
                .append(", tờ bản đồ ")
                .append(random.nextInt(40))
                .append("\",\"floorArea\":")
                .append(50 + random.nextInt(300))
                .append(",\"floors\":")
                .append(1 + random.nextInt(5))
                .append("}','")
                .append(HexFormat.of().toHexDigits(random.nextLong()))
                .append(HexFormat.of().toHexDigits(random.nextLong()))
                .append(HexFormat.of().toHexDigits(random.nextLong()))
                .append(HexFormat.of().toHexDigits(random.nextLong()))
                .append("',")
                .append(time(received))
                .append(',')
                .append(time(due))
                .append(',')
                .append(closed ? time(at) : "null")
                .append(",'")
                .append(currentStep)
                .append("','[")
                .append(timeline.substring(1))
                .append("]')");
        rows++;
    }

    private void change(
            StringBuilder changes,
            StringBuilder timeline,
            String code,
            int status,
            LocalDateTime at,
            String actor,
            String text) {
        timeline.append(",{\"kind\":0,\"status\":")
                .append(status)
                .append(",\"at\":\"")
                .append(at)
                .append(text == null ? "" : "\",\"text\":\"" + text)
                .append("\"}");
        changes.append(",('")
                .append(code)
                .append("',")
                .append(status)
                .append(',')
                .append(time(at))
                .append(",'")
                .append(actor)
                .append("',")
                .append(text == null ? "null" : "'" + text + "'")
                .append(')');
        rows++;
    }

    private void writeSequences(Statement sql) throws SQLException {
        StringBuilder values = new StringBuilder();
        sequences.forEach((key, last) -> {
            String[] parts = key.split("\\|");
            values.append(",('")
                    .append(parts[0])
                    .append("','")
                    .append(parts[1])
                    .append("',")
                    .append(last)
                    .append(')');
        });
        if (!values.isEmpty()) {
            sql.executeUpdate("insert into dossier_sequence (agency_code, reception_day, last_sequence) values "
                    + values.substring(1)
                    + " on duplicate key update last_sequence = greatest(last_sequence, values(last_sequence))");
        }
    }

    private ProcedureSpec pickProcedure() {
        double draw = random.nextDouble();
        for (ProcedureSpec procedure : PROCEDURES) {
            draw -= procedure.share();
            if (draw < 0) {
                return procedure;
            }
        }
        return PROCEDURES.get(0);
    }

    private static String time(LocalDateTime at) {
        return "'" + TIME.format(at) + "'";
    }
}
