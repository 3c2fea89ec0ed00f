package vn.motcua.reception;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.api.Problems;
import vn.motcua.api.TextRules;
import vn.motcua.api.UserError;
import vn.motcua.calendar.Deadlines;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Attachment;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.NewDossier;
import vn.motcua.dossier.Registered;

/** Files dossiers and takes the applicant's later requests; each call is one transaction, refused before any write. */
@Service
public class Reception {

    // số định danh cá nhân (12 digits) or an organisation's tax code (10 digits, optionally -NNN for a branch)
    private static final Pattern PERSON_ID = Pattern.compile("\\d{12}");
    private static final Pattern ORGANIZATION_ID = Pattern.compile("\\d{10}(-\\d{3})?");

    private static final TextRules.Label PERSON_NAME =
            new TextRules.Label("Họ và tên người nộp", "Applicant's full name");
    private static final TextRules.Label ORGANISATION_NAME = new TextRules.Label("Tên tổ chức", "Organisation name");
    private static final TextRules.Label ADDRESS = new TextRules.Label("Địa chỉ", "Address");
    private static final TextRules.Label PHONE = new TextRules.Label("Số điện thoại", "Phone");
    private static final TextRules.Label EMAIL = new TextRules.Label("Thư điện tử", "E-mail");
    private static final TextRules.Label SUMMARY =
            new TextRules.Label("Nội dung yêu cầu giải quyết", "Request summary");
    private static final TextRules.Label WITHDRAWAL_REASON =
            new TextRules.Label("Lý do rút hồ sơ", "Reason for the withdrawal");

    private final Procedures procedures;
    private final Dossiers dossiers;
    private final StartForms forms;
    private final Deadlines deadlines;
    private final RuntimeService runtime;
    private final ReceptionSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final String publicUrl;

    Reception(
            Procedures procedures,
            Dossiers dossiers,
            StartForms forms,
            Deadlines deadlines,
            RuntimeService runtime,
            ReceptionSettings settings,
            ObjectMapper json,
            Clock clock,
            @Value("${motcua.public-url}") String publicUrl) {
        this.procedures = procedures;
        this.dossiers = dossiers;
        this.forms = forms;
        this.deadlines = deadlines;
        this.runtime = runtime;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @Transactional
    public FilingReceipt file(FilingRequest request, Map<String, List<MultipartFile>> files, String filedBy) {
        return file(request, files, filedBy, true);
    }

    /**
     * A dossier filed on another portal (the National Public Service Portal), filed here as an online filing by that
     * portal's account: checked against the catalogue and the start form like any filing, the same errors.
     */
    @Transactional
    public FilingReceipt fileOnline(
            String procedureCode,
            Applicant applicant,
            String summary,
            Map<String, Object> formData,
            List<Attachment> attachments,
            String filedBy) {
        Map<String, List<MultipartFile>> files = new LinkedHashMap<>();
        for (Attachment attachment : attachments) {
            String component = attachment.componentCode() == null ? "" : attachment.componentCode();
            files.computeIfAbsent(component, c -> new ArrayList<>()).add(new AttachedFile(attachment));
        }
        return file(
                new FilingRequest(procedureCode, NewDossier.Channel.ONLINE, applicant, summary, formData, List.of()),
                files,
                filedBy,
                true);
    }

    /**
     * With {@code requireAllComponents} false, a dossier missing required components is stored anyway: at the counter,
     * the officer's supplement request or refusal, taken in the same transaction, names what is missing.
     */
    @Transactional
    FilingReceipt file(
            FilingRequest request,
            Map<String, List<MultipartFile>> files,
            String filedBy,
            boolean requireAllComponents) {
        if (request.procedureCode() == null || request.procedureCode().isBlank()) {
            throw UserError.badRequest("Chưa chọn thủ tục (procedureCode).", "No procedure chosen (procedureCode).");
        }
        if (request.procedureCode().length() > 40) {
            throw UserError.badRequest(
                    "Mã thủ tục (procedureCode) dài quá 40 ký tự: không có thủ tục nào như vậy trong danh mục.",
                    "The procedure code (procedureCode) is longer than 40 characters: no procedure has it.");
        }
        LocalDateTime receivedAt = LocalDateTime.now(clock);
        // the version in force at reception: the dossier keeps its components, legal time and model (domain.md §8)
        Procedure procedure = procedures
                .inForceAt(request.procedureCode(), receivedAt)
                .orElseThrow(() -> UserError.badRequest(
                        "Không có thủ tục mã " + request.procedureCode() + " trong danh mục.",
                        "There is no procedure " + request.procedureCode() + " in the catalogue."));
        if (procedure.handoffOnly()) {
            throw UserError.badRequest(
                    "Thủ tục " + procedure.code() + " chỉ nhận hồ sơ liên thông từ cơ quan khác, không nộp trực tiếp.",
                    "Procedure " + procedure.code()
                            + " receives dossiers only as a handoff from another agency; it cannot be filed directly.");
        }
        Problems problems = new Problems();
        checkApplicant(request.applicant(), problems);
        if (request.channel() == null || request.channel() == NewDossier.Channel.LIENTHONG) {
            // LIENTHONG dossiers come only with a handoff from another agency, never from a filer
            problems.add(
                    "thiếu kênh nộp hoặc kênh không hợp lệ (channel: ONLINE, COUNTER hoặc POSTAL)",
                    "the channel is missing or not one of ONLINE, COUNTER, POSTAL");
        }
        TextRules.text(SUMMARY, request.summary(), TextRules.SUMMARY_MAX, problems);
        forms.check(procedure.startForm(), request.formDataOrEmpty(), problems);
        List<Attachment> attachments = Uploads.read(files, settings, problems);
        checkComponents(procedure, request, files, requireAllComponents, problems);
        problems.refuseIfAny("Hồ sơ chưa hợp lệ", "The dossier is not valid");
        LocalDateTime appointment =
                deadlines.due(receivedAt, procedure.legalTime(), procedure.timeUnit(), procedure.cutOffTime());
        Registered registered = dossiers.register(new NewDossier(
                procedure.code(),
                procedure.version(),
                procedure.agencyCode(),
                request.channel(),
                request.applicant(),
                filedBy,
                summary(request, procedure),
                toJson(request.formDataOrEmpty()),
                receivedAt,
                appointment,
                attachments));
        runtime.startProcessInstanceByKey(
                procedure.processKey(),
                registered.code(),
                startFormVariables(procedure, request.formDataOrEmpty())
                        .putValue(ProcessNames.VAR_DOSSIER_CODE, registered.code())
                        .putValue(ProcessNames.VAR_PROCEDURE_CODE, procedure.code())
                        .putValue(ProcessNames.VAR_PROCEDURE_VERSION, procedure.version())
                        .putValue(ProcessNames.VAR_PROCEDURE_NAME, procedure.name()));
        Dossier stored = dossiers.find(registered.code()).orElseThrow();
        return new FilingReceipt(
                stored.code(),
                procedure.code(),
                stored.status().code(),
                stored.status().label(),
                receivedAt,
                stored.dueAt(),
                publicUrl + "/api/tracking/" + stored.code(),
                registered.secret());
    }

    /**
     * The start form's plain fields, as Camunda's own start forms would set them: what the models show in task forms
     * and hand to other agencies (e.g. the child's data of a birth registration). The dossier keeps the whole form.
     */
    private VariableMap startFormVariables(Procedure procedure, Map<String, Object> formData) {
        VariableMap variables = Variables.createVariables();
        for (StartForms.Field field : forms.fields(procedure.startForm()).orElse(List.of())) {
            Object value = formData.get(field.key());
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                variables.putValue(field.key(), value);
            }
        }
        return variables;
    }

    @Transactional
    public void supplement(String code, String secret, Map<String, List<MultipartFile>> files) {
        Dossier dossier = ownDossier(code, secret);
        if (dossier.status() != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw UserError.conflict(
                    "Hồ sơ " + code + " không ở trạng thái chờ bổ sung (hiện tại: "
                            + dossier.status().label() + ").",
                    "Dossier " + code + " is not waiting for a supplement.");
        }
        Problems problems = new Problems();
        List<Attachment> attachments = Uploads.read(files, settings, problems);
        if (attachments.isEmpty() && problems.isEmpty()) {
            problems.add("chưa đính kèm tệp bổ sung nào", "no file is attached");
        }
        problems.refuseIfAny("Hồ sơ bổ sung chưa hợp lệ", "The supplement is not valid");
        dossiers.addAttachments(code, "SUPPLEMENT", attachments, LocalDateTime.now(clock));
        correlate(
                ProcessNames.MSG_SUPPLEMENT_RECEIVED, code, "Hồ sơ không còn chờ bổ sung.", "no supplement is awaited");
    }

    @Transactional
    public void withdraw(String code, String secret, String reason) {
        Dossier dossier = ownDossier(code, secret);
        if (reason == null || reason.isBlank()) {
            throw UserError.badRequest("Vui lòng nêu lý do rút hồ sơ.", "Please give a reason for the withdrawal.");
        }
        Problems problems = new Problems();
        TextRules.text(WITHDRAWAL_REASON, reason, TextRules.REASON_MAX, problems);
        problems.refuseIfAny("Yêu cầu rút hồ sơ chưa hợp lệ", "The withdrawal request is not valid");
        if (dossier.status().hasResult() || dossier.status().isFinal()) {
            throw UserError.conflict(
                    "Hồ sơ " + code + " đã có kết quả hoặc đã kết thúc nên không thể rút (NĐ 118/2025 Điều 21).",
                    "Dossier " + code + " already has a result or has ended, so it can no longer be withdrawn.");
        }
        dossiers.requestNoted(code, reason.trim());
        correlate(
                ProcessNames.MSG_WITHDRAWAL_REQUESTED,
                code,
                "Hồ sơ đã có kết quả nên không thể rút (NĐ 118/2025 Điều 21).",
                "a result already exists");
    }

    private Dossier ownDossier(String code, String secret) {
        Dossier dossier = dossiers.find(code)
                .orElseThrow(() -> UserError.notFound(
                        "Không tìm thấy hồ sơ mã " + code + ".", "No dossier has the code " + code + "."));
        if (!dossiers.secretMatches(code, secret)) {
            throw new UserError(
                    org.springframework.http.HttpStatus.FORBIDDEN,
                    "Mã bí mật không đúng. Vui lòng dùng mã in trên giấy tiếp nhận hồ sơ.",
                    "The secret is wrong: use the one printed on the receipt slip.");
        }
        return dossier;
    }

    private void correlate(String message, String code, String vietnamese, String english) {
        try {
            runtime.createMessageCorrelation(message)
                    .processInstanceBusinessKey(code)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            throw UserError.conflict(vietnamese, "The request cannot be taken: " + english + ".");
        }
    }

    private static void checkApplicant(Applicant applicant, Problems problems) {
        if (applicant == null) {
            problems.add("thiếu thông tin người nộp hồ sơ", "the applicant's details are missing");
            return;
        }
        if (applicant.kind() == null) {
            problems.add(
                    "chưa chọn \"Người nộp là\" (cá nhân hoặc tổ chức)",
                    "\"Applicant is\" (a person or an organisation) is not chosen");
        }
        boolean organisation = applicant.kind() == Applicant.Kind.ORGANIZATION;
        TextRules.Label name = organisation ? ORGANISATION_NAME : PERSON_NAME;
        if (applicant.name() == null || applicant.name().isBlank()) {
            problems.add("thiếu \"" + name.vietnamese() + "\"", "\"" + name.english() + "\" is missing");
        } else if (organisation) {
            TextRules.line(name, applicant.name(), TextRules.NAME_MAX, problems);
        } else {
            TextRules.personName(name, applicant.name(), problems);
        }
        if (applicant.address() == null || applicant.address().isBlank()) {
            problems.add("thiếu \"Địa chỉ\" người nộp", "the applicant's \"Address\" is missing");
        } else {
            TextRules.text(ADDRESS, applicant.address(), TextRules.ADDRESS_MAX, problems);
        }
        TextRules.phone(PHONE, applicant.phone(), problems);
        TextRules.email(EMAIL, applicant.email(), problems);
        Pattern id = organisation ? ORGANIZATION_ID : PERSON_ID;
        if (applicant.idNumber() == null || !id.matcher(applicant.idNumber()).matches()) {
            if (organisation) {
                problems.add(
                        "\"Mã số thuế\" của tổ chức phải gồm 10 chữ số",
                        "the organisation's \"Tax code\" must have 10 digits");
            } else {
                problems.add(
                        "\"Số định danh cá nhân\" phải gồm 12 chữ số",
                        "the \"Personal identification number\" must have 12 digits");
            }
        }
    }

    private static void checkComponents(
            Procedure procedure,
            FilingRequest request,
            Map<String, List<MultipartFile>> files,
            boolean requireAll,
            Problems problems) {
        List<String> known =
                procedure.components().stream().map(Procedure.Component::code).toList();
        files.keySet().stream()
                .filter(part -> !known.contains(part))
                .forEach(part -> problems.add(
                        "thành phần hồ sơ \"" + part + "\" không có trong danh mục của thủ tục",
                        "the dossier component \"" + part + "\" is not in the procedure's catalogue entry"));
        for (Procedure.Component component : procedure.components()) {
            boolean attached = files.containsKey(component.code());
            boolean received = request.channel() != NewDossier.Channel.ONLINE
                    && request.receivedComponentsOrEmpty().contains(component.code());
            if (requireAll && component.required() && !attached && !received) {
                problems.add(
                        "thiếu thành phần hồ sơ bắt buộc \"" + component.name() + "\"",
                        "the required component \"" + component.name() + "\" is missing");
            }
        }
    }

    private static String summary(FilingRequest request, Procedure procedure) {
        return request.summary() == null || request.summary().isBlank()
                ? procedure.name()
                : request.summary().trim();
    }

    private String toJson(Map<String, Object> formData) {
        try {
            return json.writeValueAsString(formData);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
