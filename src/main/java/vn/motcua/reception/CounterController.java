package vn.motcua.reception;

import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

@RestController
class CounterController {

    private static final Set<String> JSON_PARTS = Set.of("dossier", "decision");

    private final CounterReception counter;
    private final CounterAccess access;

    CounterController(CounterReception counter, CounterAccess access) {
        this.counter = counter;
        this.access = access;
    }

    @PostMapping(path = "/api/counter/dossiers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Counter reception in one go: file and decide (accept, supplement, refuse) as the officer",
            description = "Multipart: `dossier` (JSON, as for POST /api/dossiers, channel COUNTER or POSTAL),"
                    + " `decision` (JSON {decision, note}) and one file part per component. Answers 201 with the"
                    + " code, the status, the secret and the slip to print.")
    ResponseEntity<CounterReception.CounterReceipt> receive(
            @RequestPart("dossier") FilingRequest request,
            @RequestPart("decision") CounterReception.CounterDecision decision,
            MultipartHttpServletRequest multipart,
            Principal user) {
        access.check(request.channel(), user);
        Map<String, List<MultipartFile>> files = multipart.getMultiFileMap().entrySet().stream()
                .filter(e -> !JSON_PARTS.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(counter.receive(request, decision, files, (Authentication) user));
    }
}
