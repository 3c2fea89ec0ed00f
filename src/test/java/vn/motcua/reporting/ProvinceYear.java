package vn.motcua.reporting;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The brief's province-year: 19,163 dossiers received in 2019, all resolved in 2019, 80.31% early (15,390) and 19.69%
 * on time (3,773), none late. Written straight into our dossier tables (dossier, dossier_status_change) as the
 * product writes a dossier that walked 1 → 2 → 4 → 9 → 10; the engine never ran them. Which dossier is early, which
 * procedure and channel it has, follow from its number, so {@link #expected()} counts them the same way.
 */
final class ProvinceYear {

    static final int DOSSIERS = 19_163;
    static final int EARLY = 15_390;
    static final int ON_TIME = DOSSIERS - EARLY;
    static final LocalDate FIRST_DAY = LocalDate.parse("2019-01-02");

    record Procedure(String code, String agency, String sector) {}

    /** The demo catalogue's procedures of the ward, the Sở Xây dựng, the ward police and the social insurance. */
    static final List<Procedure> PROCEDURES = List.of(
            new Procedure("1.009994.H43", "000.20.43.H43", "Hoạt động xây dựng"),
            new Procedure("1.009991.H43", "000.00.12.H43", "Hoạt động xây dựng"),
            new Procedure("2.000635.H43", "000.20.43.H43", "Hộ tịch"),
            new Procedure("1.004194.H43", "000.61.43.H43", "Đăng ký, quản lý cư trú"),
            new Procedure("1.001001.H43", "000.62.00.H43", "Bảo hiểm y tế"));

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final JdbcTemplate sql;

    ProvinceYear(JdbcTemplate sql) {
        this.sql = sql;
    }

    static Procedure procedure(int i) {
        return PROCEDURES.get(i % PROCEDURES.size());
    }

    static boolean online(int i) {
        return i % 5 < 2 || i % 7 == 0;
    }

    /** A bijection of 0..DOSSIERS-1 (7919 is prime and does not divide 19,163): the early ones are spread out. */
    static boolean early(int i) {
        return (int) ((i * 7919L) % DOSSIERS) < EARLY;
    }

    /** Per sector: received online, received direct, resolved early, resolved on time. */
    static Map<String, int[]> expected() {
        Map<String, int[]> bySector = new HashMap<>();
        for (int i = 0; i < DOSSIERS; i++) {
            int[] cells = bySector.computeIfAbsent(procedure(i).sector(), s -> new int[4]);
            cells[online(i) ? 0 : 1]++;
            cells[early(i) ? 2 : 3]++;
        }
        return bySector;
    }

    /** Writes the year in batches; returns the codes. */
    List<String> seed() {
        List<Object[]> dossiers = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        Map<String, Integer> sequences = new HashMap<>();
        List<LocalDate> days = workingDays();
        for (int i = 0; i < DOSSIERS; i++) {
            Procedure p = procedure(i);
            LocalDate day = days.get(i % days.size());
            int sequence = sequences.merge(p.agency() + day, 1, Integer::sum);
            String code = p.agency() + "-" + DAY.format(day) + "-" + "%04d".formatted(sequence);
            LocalDateTime received = day.atTime(7 + i % 9, i % 60);
            LocalDateTime due = day.plusDays(5 + i % 20).atTime(17, 0);
            LocalDateTime resolved =
                    early(i) ? due.toLocalDate().minusDays(1 + i % 3).atTime(15, 30) : due.minusHours(1 + i % 7);
            LocalDateTime returned = resolved.plusDays(1);
            codes.add(code);
            dossiers.add(new Object[] {
                code,
                sequence,
                p.code(),
                p.agency(),
                online(i) ? "ONLINE" : "COUNTER",
                "Nguyễn Văn " + (i % 2 == 0 ? "An" : "Bình"),
                "0580900%05d".formatted(i),
                "12 Thống Nhất, phường Phan Rang, tỉnh Ninh Thuận",
                p.code() + " – năm 2019",
                "0".repeat(64),
                Timestamp.valueOf(received),
                Timestamp.valueOf(due),
                Timestamp.valueOf(returned)
            });
            changes.add(change(code, 1, received));
            changes.add(change(code, 2, received.plusMinutes(5)));
            changes.add(change(code, 4, received.plusHours(1)));
            changes.add(change(code, 9, resolved));
            changes.add(change(code, 10, returned));
        }
        sql.batchUpdate("""
                insert into dossier (code, sequence_no, procedure_code, agency_code, channel, status, applicant_kind,
                       applicant_name, applicant_id_number, applicant_address, filed_by, summary, form_data,
                       secret_hash, received_at, due_at, finished_at, current_step)
                values (?, ?, ?, ?, ?, 10, 'PERSON', ?, ?, ?, 'congdan', ?, '{}', ?, ?, ?, ?, 'Đã trả kết quả')
                """, dossiers);
        sql.batchUpdate(
                "insert into dossier_status_change (dossier_code, status, changed_at, actor) values (?, ?, ?, ?)",
                changes);
        return codes;
    }

    /** Takes the year out again (dossier tables and read model), so that later tests meet the database they expect. */
    void remove() {
        String year = "select code from dossier where received_at < '2020-01-01' and received_at >= '2019-01-01'";
        sql.update("delete from reporting_dossier where dossier_code in (" + year + ")");
        sql.update("delete from dossier_status_change where dossier_code in (" + year + ")");
        sql.update("delete from dossier where received_at < '2020-01-01' and received_at >= '2019-01-01'");
    }

    private static Object[] change(String code, int status, LocalDateTime at) {
        return new Object[] {code, status, Timestamp.valueOf(at), status == 1 ? "congdan" : "tiepnhan"};
    }

    /** Monday to Friday from 2 January to 29 November 2019, so that every dossier is resolved within the year. */
    private static List<LocalDate> workingDays() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = FIRST_DAY; d.isBefore(LocalDate.parse("2019-11-30")); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                days.add(d);
            }
        }
        return days;
    }
}
