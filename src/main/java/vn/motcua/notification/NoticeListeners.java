package vn.motcua.notification;

import java.time.format.DateTimeFormatter;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierFiled;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.ResultIssued;
import vn.motcua.sla.ApologyIssued;
import vn.motcua.sla.DeadlineApproaching;
import vn.motcua.workflow.StepStarted;

/**
 * Turns durable events into notices. Each listener runs after the publishing transaction committed, in a transaction
 * of its own; Modulith records its completion, and an incomplete one is delivered again later (EventPublications).
 * The event key is built from what identifies the fact (the dossier, the step, the due time), never a random id, so
 * that any second delivery meets the unique key.
 */
@Component
class NoticeListeners {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final Notices notices;

    NoticeListeners(Notices notices) {
        this.notices = notices;
    }

    @ApplicationModuleListener
    void on(DossierFiled filed) {
        notices.add(
                "filed:" + filed.dossierCode(),
                filed.dossierCode(),
                "DOSSIER_FILED",
                Notices.Recipient.CITIZEN,
                null,
                "Hồ sơ " + filed.dossierCode() + " đã được đăng ký lúc " + SHOWN.format(filed.receivedAt())
                        + (filed.dueAt() == null ? "." : "; hẹn trả kết quả lúc " + SHOWN.format(filed.dueAt()) + "."));
    }

    @ApplicationModuleListener
    void on(DossierStatusChanged changed) {
        String message = switch (changed.to()) {
            case ACCEPTED -> "Hồ sơ " + changed.dossierCode() + " đã được tiếp nhận và chuyển xử lý.";
            case SUPPLEMENT_REQUESTED ->
                "Hồ sơ " + changed.dossierCode() + " cần bổ sung giấy tờ; xem phiếu yêu cầu bổ sung.";
            case REFUSED -> "Hồ sơ " + changed.dossierCode() + " không được tiếp nhận; xem phiếu từ chối.";
            case STOPPED -> "Hồ sơ " + changed.dossierCode() + " đã dừng xử lý.";
            default -> null;
        };
        if (message != null) {
            notices.add(
                    "status:" + changed.dossierCode() + ":" + changed.to().code() + ":" + changed.changedAt(),
                    changed.dossierCode(),
                    "STATUS_" + changed.to().name(),
                    Notices.Recipient.CITIZEN,
                    null,
                    message);
        }
    }

    @ApplicationModuleListener
    void on(ResultIssued result) {
        notices.add(
                "result:" + result.dossierCode() + ":" + result.issuedAt(),
                result.dossierCode(),
                "RESULT_ISSUED",
                Notices.Recipient.CITIZEN,
                null,
                "Hồ sơ " + result.dossierCode() + " đã có kết quả (" + DossierStatus.DONE.label()
                        + "); mời ông/bà đến nhận theo phiếu hẹn.");
    }

    @ApplicationModuleListener
    void on(ApologyIssued apology) {
        notices.add(
                "apology:" + apology.dossierCode(),
                apology.dossierCode(),
                "APOLOGY_ISSUED",
                Notices.Recipient.CITIZEN,
                null,
                "Cơ quan giải quyết xin lỗi vì hồ sơ " + apology.dossierCode() + " chưa có kết quả đúng hẹn "
                        + SHOWN.format(apology.originalDueAt()) + "; ngày hẹn trả mới: "
                        + SHOWN.format(apology.newDueAt()) + ".");
    }

    @ApplicationModuleListener
    void on(StepStarted step) {
        notices.add(
                "step:" + step.stepId(),
                step.dossierCode(),
                "STEP_STARTED",
                Notices.Recipient.DEPARTMENT,
                step.department(),
                "Hồ sơ " + step.dossierCode() + " chờ xử lý bước \"" + step.stepName() + "\", hạn "
                        + SHOWN.format(step.dueAt()) + ".");
    }

    @ApplicationModuleListener
    void on(DeadlineApproaching warning) {
        if (!warning.isStep()) {
            return; // the dossier's own warning goes to its agency once agencies have addresses (not yet)
        }
        notices.add(
                "warning:" + warning.taskId() + ":" + warning.dueAt(),
                warning.dossierCode(),
                "DEADLINE_APPROACHING",
                Notices.Recipient.DEPARTMENT,
                warning.department(),
                "Bước " + warning.stepKey() + " của hồ sơ " + warning.dossierCode() + " sắp đến hạn "
                        + SHOWN.format(warning.dueAt()) + ".");
    }
}
