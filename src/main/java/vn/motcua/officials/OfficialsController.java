package vn.motcua.officials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.UserError;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierCode;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.Step;
import vn.motcua.dossier.StoredAttachment;

/** The whole dossier for the officials handling it; the Tasklist tab "Hồ sơ" reads it. */
@RestController
class OfficialsController {

    private final Dossiers dossiers;
    private final Procedures procedures;
    private final People people;
    private final ObjectMapper json;

    OfficialsController(Dossiers dossiers, Procedures procedures, People people, ObjectMapper json) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.people = people;
        this.json = json;
    }

    @GetMapping("/api/officials/dossiers/{code}")
    @Operation(
            summary = "The dossier for an official handling it: applicant, filed form values, attachments, timeline,"
                    + " slips and due time",
            description = "Only for officials of the departments that have (or had) a step on the dossier; others 403.")
    DossierView dossier(@PathVariable("code") String typed, Principal user) {
        Dossier dossier = readable(typed, user);
        String code = dossier.code();
        Procedure procedure = procedures
                .version(dossier.procedureCode(), dossier.procedureVersion())
                .orElseThrow();
        Map<String, String> components = procedure.components().stream()
                .collect(Collectors.toMap(Procedure.Component::code, Procedure.Component::name, (a, b) -> a));
        List<DossierView.File> files = dossiers.attachments(code).stream()
                .map(a -> file(code, a, components))
                .toList();
        List<Step> steps = dossiers.steps(code);
        return new DossierView(
                code,
                procedure.code(),
                procedure.name(),
                procedure.agencyName(),
                dossier.channel().name(),
                dossier.status().code(),
                dossier.status().label(),
                dossier.summary(),
                dossier.receivedAt(),
                dossier.dueAt(),
                dossier.applicant(),
                procedure.startForm(),
                formData(code),
                files,
                steps.stream().map(this::step).toList(),
                slips(dossier, steps));
    }

    @GetMapping("/api/officials/dossiers/{code}/attachments/{id}")
    @Operation(
            summary = "One attachment of the dossier, as uploaded (same SHA-256 as listed)",
            description = "Only for officials of the departments that have (or had) a step on the dossier; others 403.")
    ResponseEntity<byte[]> attachment(@PathVariable("code") String typed, @PathVariable long id, Principal user) {
        Dossier dossier = readable(typed, user);
        StoredAttachment file = dossiers.attachments(dossier.code()).stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow(() -> noSuchFile(dossier.code(), id));
        byte[] content =
                dossiers.attachmentContent(dossier.code(), id).orElseThrow(() -> noSuchFile(dossier.code(), id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content);
    }

    private Dossier readable(String typed, Principal user) {
        String code = DossierCode.normalise(typed);
        Dossier dossier = dossiers.find(code)
                .orElseThrow(() -> UserError.notFound(
                        "Không tìm thấy hồ sơ mã " + code + ".", "No dossier has the code " + code + "."));
        if (!dossiers.hasStepOf(code, departments(user))) {
            throw new UserError(
                    HttpStatus.FORBIDDEN,
                    "Chỉ cán bộ các phòng, đơn vị có bước xử lý hồ sơ " + code + " mới được xem hồ sơ này.",
                    "Only officials of the departments with a step on dossier " + code + " may read it.");
        }
        return dossier;
    }

    private static Set<String> departments(Principal user) {
        if (!(user instanceof Authentication auth)) {
            return Set.of();
        }
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
    }

    private JsonNode formData(String code) {
        String text = dossiers.formData(code).orElse("{}");
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Dossier " + code + " has form data that is not JSON", e);
        }
    }

    private static DossierView.File file(String code, StoredAttachment a, Map<String, String> components) {
        return new DossierView.File(
                a.id(),
                a.componentCode(),
                a.componentCode() == null ? null : components.get(a.componentCode()),
                a.fileName(),
                a.contentType(),
                a.sizeBytes(),
                a.sha256(),
                a.uploadedAt(),
                "/api/officials/dossiers/" + code + "/attachments/" + a.id());
    }

    private DossierView.StepView step(Step s) {
        return new DossierView.StepView(
                s.stepKey(),
                s.stepName(),
                s.department(),
                s.department() == null ? null : people.departmentName(s.department()),
                s.startedAt(),
                s.dueAt(),
                s.completedAt(),
                s.completedBy(),
                s.completedBy() == null ? null : people.fullName(s.completedBy()),
                s.outcome(),
                s.note());
    }

    /** The slips this dossier has (the slip endpoint checks the official's department again). */
    private static List<DossierView.Slip> slips(Dossier dossier, List<Step> steps) {
        Function<String, String> url = kind -> "/api/dossiers/" + dossier.code() + "/slips/" + kind;
        List<DossierView.Slip> slips = new ArrayList<>();
        if (dossier.status() != DossierStatus.REFUSED) {
            slips.add(new DossierView.Slip("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", url.apply("giay-tiep-nhan")));
        }
        if (steps.stream().anyMatch(s -> "supplement".equals(s.outcome()))) {
            slips.add(new DossierView.Slip("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", url.apply("phieu-bo-sung")));
        }
        if (steps.stream().anyMatch(s -> "refuse".equals(s.outcome()))) {
            slips.add(new DossierView.Slip("Phiếu từ chối tiếp nhận, giải quyết hồ sơ", url.apply("phieu-tu-choi")));
        }
        return slips;
    }

    private static UserError noSuchFile(String code, long id) {
        return UserError.notFound(
                "Hồ sơ " + code + " không có tệp số " + id + ".", "Dossier " + code + " has no attachment " + id + ".");
    }
}
