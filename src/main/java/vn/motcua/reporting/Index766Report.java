package vn.motcua.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.nationalportal.SyncedDossiers;
import vn.motcua.rating.RatingSettings;
import vn.motcua.rating.Ratings;

/** Computes {@link Index766} from the read model, the catalogue and the ratings. */
@Service
class Index766Report {

    static final String PROGRESS = "Tiến độ giải quyết";
    static final String ONLINE = "Dịch vụ công trực tuyến";
    static final String DIGITISATION = "Số hóa hồ sơ";
    static final String SATISFACTION = "Mức độ hài lòng";
    static final String PUBLICITY = "Công khai, minh bạch";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Reports reports;
    private final ReportingMapper rows;
    private final Procedures catalogue;
    private final Ratings ratings;
    private final SealedResults sealedResults;
    private final SyncedDossiers portal;
    private final Index766Settings settings;

    Index766Report(
            Reports reports,
            ReportingMapper rows,
            Procedures catalogue,
            Ratings ratings,
            SealedResults sealedResults,
            SyncedDossiers portal,
            Index766Settings settings) {
        this.portal = portal;
        this.reports = reports;
        this.rows = rows;
        this.catalogue = catalogue;
        this.ratings = ratings;
        this.sealedResults = sealedResults;
        this.settings = settings;
    }

    /** One agency's index, or the province's followed by each agency's when {@code agency} is null. */
    @Transactional(readOnly = true)
    Index766 of(LocalDate from, LocalDate to, String agency, String agencyName, String provinceName) {
        List<Index766.Scope> scopes = new ArrayList<>();
        if (agency != null) {
            scopes.add(scope(from, to, agency, agencyName));
        } else {
            scopes.add(scope(from, to, null, provinceName));
            for (String code : reports.agencies(to)) {
                scopes.add(scope(
                        from,
                        to,
                        code,
                        catalogue.agency(code).map(a -> a.name()).orElse(code)));
            }
        }
        return new Index766(from, to, List.copyOf(scopes));
    }

    private Index766.Scope scope(LocalDate from, LocalDate to, String agency, String name) {
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        Ii06a.Cells cells = reports.ii06a(from, to, agency).total();
        List<Index766.Indicator> indicators = new ArrayList<>();

        OptionalLong synced = portal.synced(start, end, agency);
        if (synced.isPresent()) {
            int onPortal = (int) synced.getAsLong();
            int receivedNew = cells.receivedOnline() + cells.receivedDirectOrPostal();
            indicators.add(scored(
                    "1.4",
                    PUBLICITY,
                    "Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia có ngày tiếp nhận trong kỳ",
                    onPortal,
                    Math.max(receivedNew, onPortal),
                    settings.synced(),
                    "Mẫu số: số lớn hơn giữa hồ sơ tiếp nhận trong kỳ trên hệ thống và hồ sơ đã có trên Cổng DVCQG."));
        } else {
            indicators.add(note(
                    "1.4",
                    PUBLICITY,
                    "Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia",
                    "Chưa cấu hình kết nối với Cổng DVCQG (motcua.national-portal.url)."));
        }

        int onTime = cells.resolvedEarly() + cells.resolvedOnTime() + cells.inProgressWithinTime();
        indicators.add(scored(
                "2.1",
                PROGRESS,
                "Hồ sơ giải quyết đúng hạn và đang giải quyết trong hạn trên hồ sơ tiếp nhận",
                onTime,
                cells.received(),
                settings.onTime(),
                null));

        List<Duration> resolutions = new ArrayList<>();
        for (ReportedDossier d : rows.inPeriod(start, end, agency)) {
            if (d.resolvedAt() != null
                    && !d.resolvedAt().isBefore(start)
                    && d.resolvedAt().isBefore(end)) {
                resolutions.add(Duration.between(d.receivedAt(), d.resolvedAt()));
            }
        }
        BigDecimal days = resolutions.stream()
                .map(r -> BigDecimal.valueOf(r.toMinutes()))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(24 * 60), 6, RoundingMode.HALF_UP);
        indicators.add(new Index766.Indicator(
                "2.2",
                PROGRESS,
                "Thời gian giải quyết trung bình (ngày theo lịch, từ tiếp nhận đến có kết quả)",
                days.setScale(2, RoundingMode.HALF_UP),
                BigDecimal.valueOf(resolutions.size()),
                resolutions.isEmpty()
                        ? null
                        : days.divide(BigDecimal.valueOf(resolutions.size()), 2, RoundingMode.HALF_UP),
                "ngày",
                null,
                null,
                null,
                "Chưa có quy tắc tính điểm cho chỉ số này trong tài liệu: chỉ hiển thị số liệu."));

        List<Procedure> procedures = catalogue.search(null, agency);
        long online = procedures.stream().filter(p -> p.onlineLevel() != null).count();
        indicators.add(scored(
                "3.1",
                ONLINE,
                "Thủ tục cung cấp dịch vụ công trực tuyến (toàn trình, một phần) trên thủ tục thuộc thẩm quyền",
                (int) online,
                procedures.size(),
                settings.onlineProcedures(),
                "Thủ tục chỉ nhận liên thông không được tính."));
        Set<String> filedOnline = new TreeSet<>(rows.proceduresFiledOnline(start, end, agency));
        long used = procedures.stream()
                .filter(p -> p.onlineLevel() != null && filedOnline.contains(p.code()))
                .count();
        indicators.add(scored(
                "3.2",
                ONLINE,
                "Dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến trên dịch vụ công trực tuyến",
                (int) used,
                (int) online,
                settings.onlineUsed(),
                null));
        int fresh = cells.receivedOnline() + cells.receivedDirectOrPostal();
        indicators.add(scored(
                "3.3",
                ONLINE,
                "Hồ sơ trực tuyến trên hồ sơ tiếp nhận mới trong kỳ (hệ số đồng bộ 1,0)",
                cells.receivedOnline(),
                fresh,
                settings.onlineShare(),
                "Hệ số đồng bộ DVCQG tạm lấy 1,0 cho đến khi có đồng bộ."));

        SealedResultMapper.Resolved results = sealedResults.resolved(start, end, agency);
        indicators.add(scored(
                "4.1",
                DIGITISATION,
                "Hồ sơ có kết quả điện tử hợp lệ trên hồ sơ đã giải quyết trong kỳ",
                results.sealed(),
                results.resolved(),
                settings.electronicResults(),
                "Kết quả điện tử: văn bản kết quả có chữ ký số của người có thẩm quyền và của cơ quan, lưu một lần"
                        + " với mã SHA-256. Mẫu số: mọi hồ sơ có kết quả trong kỳ (danh mục chưa ghi thủ tục nào"
                        + " không trả kết quả bằng văn bản)."));

        indicators.add(note(
                "5.2",
                SATISFACTION,
                "Phản ánh, kiến nghị được xử lý đúng hạn",
                "Cần dữ liệu phản ánh, kiến nghị (PAKN) (chưa có)."));
        int overdue = cells.resolvedLate() + cells.inProgressOverdue();
        int dissatisfied = (int) ratings.inPeriod(from, to, agency).stream()
                .filter(r -> r.satisfaction() == RatingSettings.Satisfaction.KHONG_HAI_LONG)
                .count();
        BigDecimal satisfied = cells.received() == 0
                ? null
                : HUNDRED.subtract(
                        percent(overdue + dissatisfied, cells.received()).min(HUNDRED));
        indicators.add(new Index766.Indicator(
                "5.4",
                SATISFACTION,
                "100% trừ tỉ lệ hồ sơ quá hạn và tỉ lệ hồ sơ bị đánh giá không hài lòng",
                BigDecimal.valueOf(overdue + dissatisfied),
                BigDecimal.valueOf(cells.received()),
                satisfied,
                "%",
                settings.satisfaction().target(),
                settings.satisfaction().points(),
                satisfied == null ? null : settings.satisfaction().points(satisfied),
                "Hồ sơ quá hạn: đã giải quyết quá hạn và đang quá hạn (" + overdue + "); không hài lòng: "
                        + dissatisfied + " đánh giá trong kỳ; chưa có dữ liệu PAKN."));

        BigDecimal points = indicators.stream()
                .map(Index766.Indicator::points)
                .filter(p -> p != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal max = indicators.stream()
                .filter(i -> i.points() != null)
                .map(Index766.Indicator::maxPoints)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        return new Index766.Scope(agency, name, List.copyOf(indicators), points, max);
    }

    private static Index766.Indicator scored(
            String code,
            String group,
            String name,
            int numerator,
            int denominator,
            Index766Settings.Component component,
            String note) {
        BigDecimal value = denominator == 0 ? null : percent(numerator, denominator);
        return new Index766.Indicator(
                code,
                group,
                name,
                BigDecimal.valueOf(numerator),
                BigDecimal.valueOf(denominator),
                value,
                "%",
                component.target(),
                component.points(),
                value == null ? null : component.points(value),
                denominator == 0 ? "Không có dữ liệu trong kỳ." : note);
    }

    private static Index766.Indicator note(String code, String group, String name, String note) {
        return new Index766.Indicator(code, group, name, null, null, null, null, null, null, null, note);
    }

    private static BigDecimal percent(int part, int whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
