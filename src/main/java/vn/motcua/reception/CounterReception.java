package vn.motcua.reception;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.api.Problems;
import vn.motcua.api.TextRules;
import vn.motcua.api.UserError;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.NewDossier;

/**
 * Reception at the counter in one go: the officer files what the applicant brought and, in the same transaction,
 * completes the model's first task (Task_CheckDossier) as themselves, so that the applicant leaves with the slip of
 * the decision (receipt, supplement request or refusal). The process keeps the decision as if taken in Tasklist.
 */
@Service
class CounterReception {

    enum Decision {
        accept,
        supplement,
        refuse
    }

    private static final TextRules.Label NOTE = new TextRules.Label("Ghi chú", "Note");

    record CounterDecision(Decision decision, String note) {}

    record CounterReceipt(
            String code, int status, String statusLabel, String appointmentAt, String secret, String slip) {}

    private final Reception reception;
    private final Dossiers dossiers;
    private final TaskService tasks;
    private final IdentityService identity;

    CounterReception(Reception reception, Dossiers dossiers, TaskService tasks, IdentityService identity) {
        this.reception = reception;
        this.dossiers = dossiers;
        this.tasks = tasks;
        this.identity = identity;
    }

    @Transactional
    public CounterReceipt receive(
            FilingRequest request,
            CounterDecision decision,
            Map<String, List<MultipartFile>> files,
            Authentication officer) {
        check(request, decision);
        FilingReceipt filed = reception.file(request, files, officer.getName(), decision.decision() == Decision.accept);
        Task check = tasks.createTaskQuery()
                .processInstanceBusinessKey(filed.code())
                .taskDefinitionKey(ProcessNames.TASK_CHECK_DOSSIER)
                .singleResult();
        if (check == null) {
            throw new IllegalStateException("The model of " + filed.procedureCode() + " does not start with "
                    + ProcessNames.TASK_CHECK_DOSSIER + ", which counter reception completes");
        }
        List<String> groups = officer.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        identity.setAuthentication(officer.getName(), groups);
        try {
            tasks.claim(check.getId(), officer.getName());
            tasks.complete(
                    check.getId(),
                    Variables.putValue(
                                    ProcessNames.VAR_RECEPTION_DECISION,
                                    decision.decision().name())
                            .putValue(ProcessNames.VAR_RECEPTION_NOTE, note(decision)));
        } catch (AuthorizationException otherDepartment) {
            throw new UserError(
                    HttpStatus.FORBIDDEN,
                    "Thủ tục này do bộ phận một cửa khác tiếp nhận; hồ sơ chưa được lưu.",
                    "Another reception department takes this procedure; nothing was stored.");
        } finally {
            identity.clearAuthentication();
        }
        Dossier dossier = dossiers.find(filed.code()).orElseThrow();
        return new CounterReceipt(
                dossier.code(),
                dossier.status().code(),
                dossier.status().label(),
                dossier.dueAt().toString(),
                filed.secret(),
                switch (decision.decision()) {
                    case accept -> "giay-tiep-nhan";
                    case supplement -> "phieu-bo-sung";
                    case refuse -> "phieu-tu-choi";
                });
    }

    private static void check(FilingRequest request, CounterDecision decision) {
        if (request.channel() == NewDossier.Channel.ONLINE) {
            throw UserError.badRequest(
                    "Hồ sơ tại quầy phải có kênh nộp trực tiếp (COUNTER) hoặc bưu chính (POSTAL).",
                    "A counter filing has channel COUNTER or POSTAL.");
        }
        if (decision == null || decision.decision() == null) {
            throw UserError.badRequest(
                    "Chưa chọn kết quả kiểm tra: tiếp nhận, yêu cầu bổ sung hoặc từ chối.",
                    "Choose the outcome of the check: accept, supplement or refuse.");
        }
        if (decision.decision() != Decision.accept
                && (decision.note() == null || decision.note().isBlank())) {
            throw UserError.badRequest(
                    decision.decision() == Decision.supplement
                            ? "Vui lòng ghi các giấy tờ cần bổ sung, hoàn thiện (mỗi mục một dòng)."
                            : "Vui lòng ghi lý do từ chối tiếp nhận hồ sơ.",
                    decision.decision() == Decision.supplement
                            ? "List the items to supplement, one per line."
                            : "Give the reason for the refusal.");
        }
        Problems problems = new Problems();
        // the note becomes a process variable (engine text, 3-byte utf8) and the dossier's status note (2,000)
        TextRules.text(NOTE, decision.note(), TextRules.REASON_MAX, problems);
        problems.refuseIfAny("Kết quả kiểm tra chưa hợp lệ", "The outcome of the check is not valid");
    }

    private static String note(CounterDecision decision) {
        return decision.note() == null || decision.note().isBlank()
                ? null
                : decision.note().trim();
    }
}
