package vn.motcua.sla;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.api.Problems;
import vn.motcua.api.TextRules;
import vn.motcua.api.UserError;
import vn.motcua.calendar.Deadlines;
import vn.motcua.dossier.Dossiers;

/**
 * The apology and extension letter ("Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết", TT 03/2025 form 04):
 * issued at least one working day before the due time and only once per dossier (NĐ 297/2025 Art. 6(5); NĐ 63/2024
 * Art. 7(3); domain.md §6.1). The new date is kept beside the original, which still judges timeliness.
 */
@Service
class Apologies {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final SlaMapper clocks;
    private final Deadlines deadlines;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Dossiers dossiers;

    Apologies(SlaMapper clocks, Deadlines deadlines, ApplicationEventPublisher events, Clock clock, Dossiers dossiers) {
        this.dossiers = dossiers;
        this.clocks = clocks;
        this.deadlines = deadlines;
        this.events = events;
        this.clock = clock;
    }

    private static final TextRules.Label REASON = new TextRules.Label("Lý do chậm trả kết quả", "Reason for the delay");

    record Issued(String code, LocalDateTime originalDueAt, LocalDateTime newDueAt, String reason, LocalDateTime at) {}

    @Transactional
    Issued issue(String code, String reason, LocalDateTime newDueAt, String by) {
        LocalDateTime now = LocalDateTime.now(clock);
        SlaMapper.ClockRow clock = clocks.clock(code)
                .orElseThrow(() -> UserError.conflict(
                        "Hồ sơ " + code + " chưa được tiếp nhận nên chưa có ngày hẹn trả để gia hạn.",
                        "Dossier " + code + " has not been accepted, so it has no appointment to extend."));
        if (clock.finishedAt() != null) {
            throw UserError.conflict(
                    "Hồ sơ " + code + " đã kết thúc xử lý; không lập phiếu xin lỗi, gia hạn.",
                    "Dossier " + code + " is no longer being handled; no apology letter can be issued.");
        }
        if (clock.apologyAt() != null) {
            throw UserError.conflict(
                    "Hồ sơ " + code + " đã có phiếu xin lỗi và hẹn lại ngày trả kết quả lúc "
                            + SHOWN.format(clock.apologyAt())
                            + "; việc hẹn lại chỉ được thực hiện không quá 01 lần (NĐ 297/2025 Điều 6 khoản 5).",
                    "Dossier " + code + " already had its apology and new date at " + SHOWN.format(clock.apologyAt())
                            + "; a new date may be set only once (NĐ 297/2025 Art. 6(5)).");
        }
        LocalDateTime lastMoment = deadlines.subtractWorkingMinutes(clock.dueAt(), WorkingTime.MINUTES_PER_DAY);
        if (now.isAfter(lastMoment)) {
            throw UserError.conflict(
                    "Quá muộn để xin lỗi, gia hạn: phiếu phải được lập chậm nhất 01 ngày làm việc trước hạn trả "
                            + SHOWN.format(clock.dueAt()) + ", tức trước " + SHOWN.format(lastMoment) + ".",
                    "Too late for an apology and extension: it must be issued at least one working day before the"
                            + " due time " + SHOWN.format(clock.dueAt()) + ", that is by "
                            + SHOWN.format(lastMoment) + ".");
        }
        if (reason == null || reason.isBlank()) {
            throw UserError.badRequest(
                    "Phiếu xin lỗi phải nêu rõ lý do chậm trả kết quả.",
                    "The apology letter must state the reason for the delay.");
        }
        Problems problems = new Problems();
        TextRules.text(REASON, reason, TextRules.REASON_MAX, problems);
        problems.refuseIfAny("Phiếu xin lỗi chưa hợp lệ", "The apology letter is not valid");
        if (newDueAt == null || !newDueAt.isAfter(clock.dueAt())) {
            throw UserError.badRequest(
                    "Ngày hẹn trả mới phải sau ngày hẹn trả ban đầu " + SHOWN.format(clock.dueAt()) + ".",
                    "The new date must be after the original due time " + SHOWN.format(clock.dueAt()) + ".");
        }
        if (clocks.apologise(code, newDueAt, reason.strip(), now, by) != 1) {
            throw UserError.conflict(
                    "Hồ sơ " + code + " vừa được lập phiếu xin lỗi bởi người khác.",
                    "Someone else has just issued the apology letter for dossier " + code + ".");
        }
        dossiers.appointmentExtended(code, newDueAt);
        events.publishEvent(new ApologyIssued(code, clock.dueAt(), newDueAt, reason.strip(), by));
        return new Issued(code, clock.dueAt(), newDueAt, reason.strip(), now);
    }
}
