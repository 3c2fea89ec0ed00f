package vn.motcua.reception;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.NewDossier;
import vn.motcua.security.VerifiedCitizen;

@RestController
@RequestMapping("/api/dossiers")
class ReceptionController {

    private final Reception reception;
    private final CounterAccess counter;

    ReceptionController(Reception reception, CounterAccess counter) {
        this.reception = reception;
        this.counter = counter;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "File a dossier online or at the counter",
            description = "Multipart: part `dossier` (JSON) and one file part per catalogue component, named by its"
                    + " code (PDF, JPEG or PNG). Answers 201 with the dossier code, appointment and tracking link.")
    ResponseEntity<FilingReceipt> file(
            @RequestPart("dossier") FilingRequest request, MultipartHttpServletRequest multipart, Principal user) {
        counter.check(request.channel(), user);
        FilingReceipt receipt = reception.file(verified(request, user), filesOf(multipart), user.getName());
        return ResponseEntity.created(URI.create(receipt.trackingUrl())).body(receipt);
    }

    @PostMapping(path = "/{code}/supplements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Supplement a dossier that awaits it; resumes its process. Needs the secret of the slip.")
    ResponseEntity<Void> supplement(
            @PathVariable String code,
            @Parameter(description = "the secret printed on the receipt slip") @RequestParam String secret,
            MultipartHttpServletRequest multipart) {
        reception.supplement(code, secret, filesOf(multipart));
        return ResponseEntity.accepted().build();
    }

    record WithdrawalRequest(String secret, String reason) {}

    @PostMapping("/{code}/withdrawal")
    @Operation(summary = "Ask to stop a dossier before a result exists (NĐ 118/2025 Art. 21). Needs the secret.")
    ResponseEntity<Void> withdraw(@PathVariable String code, @RequestBody WithdrawalRequest request) {
        reception.withdraw(code, request.secret(), request.reason());
        return ResponseEntity.accepted().build();
    }

    /**
     * Filed online by a citizen whom VNeID vouches for: the applicant is that person, by the token's name and number;
     * what the page sent for them is ignored.
     */
    private static FilingRequest verified(FilingRequest request, Principal user) {
        if (request.channel() != NewDossier.Channel.ONLINE) {
            return request;
        }
        return VerifiedCitizen.of(user)
                .map(citizen -> {
                    Applicant sent = request.applicant();
                    return request.withApplicant(new Applicant(
                            Applicant.Kind.PERSON,
                            citizen.name(),
                            citizen.personalId(),
                            sent == null ? null : sent.address(),
                            sent == null ? null : sent.phone(),
                            sent == null ? null : sent.email()));
                })
                .orElse(request);
    }

    private static Map<String, List<MultipartFile>> filesOf(MultipartHttpServletRequest multipart) {
        MultiValueMap<String, MultipartFile> parts = multipart.getMultiFileMap();
        return parts.entrySet().stream()
                .filter(e -> !"dossier".equals(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
