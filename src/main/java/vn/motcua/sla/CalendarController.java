package vn.motcua.sla;

import io.swagger.v3.oas.annotations.Operation;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.UserError;
import vn.motcua.calendar.CalendarError;
import vn.motcua.calendar.Deadlines;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;

/** The deadline a counter officer or the portal can announce before filing, and the calendar reload for admins. */
@RestController
class CalendarController {

    static final String ADMIN_GROUP = "camunda-admin";

    private final Deadlines deadlines;
    private final CalendarReloads calendars;
    private final Procedures procedures;

    CalendarController(Deadlines deadlines, CalendarReloads calendars, Procedures procedures) {
        this.deadlines = deadlines;
        this.calendars = calendars;
        this.procedures = procedures;
    }

    record Deadline(
            LocalDateTime start,
            LocalDateTime countingStart,
            LocalDateTime due,
            long amount,
            TimeUnit unit,
            LocalTime cutOff,
            String agency,
            String calendar,
            boolean calendarVerified) {}

    @GetMapping("/api/calendar/deadline")
    @Operation(
            summary = "The due time of a period counted in working time (units WORKING_HOURS, WORKING_DAYS,"
                    + " CALENDAR_DAYS); with procedure= its cut-off (and legal time if amount/unit are left out),"
                    + " with agency= that agency's office hours")
    Deadline deadline(
            @RequestParam(required = false) String start,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String procedure,
            @RequestParam(required = false) String agency) {
        Optional<Procedure> entry = Optional.ofNullable(blankToNull(procedure)).map(this::procedure);
        LocalDateTime from = start(start);
        TimeUnit timeUnit = unit == null && entry.isPresent() ? entry.get().timeUnit() : unit(unit);
        long count = amount == null && entry.isPresent() ? entry.get().legalTime() : amount(amount, timeUnit);
        String agencyCode = blankToNull(agency) != null
                ? agency.trim()
                : entry.map(Procedure::agencyCode).orElse(null);
        Optional<LocalTime> cutOff = entry.flatMap(Procedure::cutOffTime);
        Deadlines counting = deadlines.forAgency(agencyCode);
        LocalDateTime due = counting.due(from, count, timeUnit, cutOff);
        WorkingCalendar calendar = deadlines.calendar();
        return new Deadline(
                from,
                counting.countingStart(from, cutOff),
                due,
                count,
                timeUnit,
                cutOff.orElse(null),
                agencyCode,
                calendar.source(),
                calendar.isVerified(from.getYear()) && calendar.isVerified(due.getYear()));
    }

    record Reloaded(String calendar) {}

    @PostMapping("/api/calendar/reload")
    @Operation(
            summary = "Read the calendar file again (camunda-admin only), on every node of a cluster within"
                    + " motcua.sla.calendar-check; a bad file is refused and the old stays")
    Reloaded reload(Authentication user) {
        boolean admin =
                user != null && user.getAuthorities().stream().anyMatch(a -> ADMIN_GROUP.equals(a.getAuthority()));
        if (!admin) {
            throw new UserError(
                    HttpStatus.FORBIDDEN,
                    "Chỉ quản trị hệ thống mới được nạp lại lịch làm việc.",
                    "Only system administrators may reload the working calendar.");
        }
        try {
            return new Reloaded(calendars.reload(user.getName()).source());
        } catch (CalendarError e) {
            throw new UserError(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Tệp lịch " + e.source() + " có lỗi ở dòng " + e.line() + ": " + e.problem()
                            + ". Lịch đang dùng được giữ nguyên.",
                    "The calendar file " + e.source() + " has an error on line " + e.line() + ": " + e.problem()
                            + ". The calendar in force is kept.");
        } catch (UncheckedIOException e) {
            throw new UserError(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Không đọc được tệp lịch: " + e.getMessage() + ". Lịch đang dùng được giữ nguyên.",
                    e.getMessage() + ". The calendar in force is kept.");
        }
    }

    private Procedure procedure(String code) {
        return procedures
                .find(code.trim())
                .orElseThrow(() -> UserError.badRequest(
                        "Không có thủ tục mã " + code + " trong danh mục.",
                        "No procedure has the code " + code + " in the catalogue."));
    }

    private static LocalDateTime start(String text) {
        if (blankToNull(text) == null) {
            throw UserError.badRequest(
                    "Thiếu tham số start (thời điểm tiếp nhận, dạng 2026-04-24T14:00).",
                    "The parameter start (the reception time, like 2026-04-24T14:00) is missing.");
        }
        try {
            return LocalDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw UserError.badRequest(
                    "Tham số start '" + text + "' không phải thời điểm dạng 2026-04-24T14:00.",
                    "The parameter start '" + text + "' is not a local date-time like 2026-04-24T14:00.");
        }
    }

    private static TimeUnit unit(String text) {
        if (blankToNull(text) == null) {
            throw UserError.badRequest(
                    "Thiếu tham số unit (WORKING_HOURS, WORKING_DAYS hoặc CALENDAR_DAYS) hoặc procedure.",
                    "The parameter unit (WORKING_HOURS, WORKING_DAYS or CALENDAR_DAYS) or procedure is missing.");
        }
        try {
            return TimeUnit.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserError.badRequest(
                    "Đơn vị '" + text + "' không hợp lệ; dùng WORKING_HOURS, WORKING_DAYS hoặc CALENDAR_DAYS.",
                    "The unit '" + text + "' is unknown; use WORKING_HOURS, WORKING_DAYS or CALENDAR_DAYS.");
        }
    }

    private static long amount(String text, TimeUnit unit) {
        long value;
        try {
            value = Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw UserError.badRequest(
                    "Tham số amount '" + text + "' phải là số nguyên dương.",
                    "The parameter amount '" + text + "' must be a positive whole number.");
        }
        // a bound keeps a typo from walking the calendar for centuries
        if (value < 1 || value > 3650) {
            throw UserError.badRequest(
                    "Tham số amount phải từ 1 đến 3650, không phải " + value + ".",
                    "The parameter amount must be between 1 and 3650, not " + value + ".");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
