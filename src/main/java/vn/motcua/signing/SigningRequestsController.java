package vn.motcua.signing;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * For officials whose token is on their own PC: the signatures waiting for them, the prepared file to sign there with
 * the certificate authority's plugin, and the upload of the signed file.
 */
@RestController
class SigningRequestsController {

    private final SigningRequests requests;

    SigningRequestsController(SigningRequests requests) {
        this.requests = requests;
    }

    /** What was stored from the upload. */
    record Accepted(String dossierCode, String documentId, String sha256, int revision, String signers) {}

    @GetMapping("/api/signing/requests")
    @Operation(summary = "The signatures waiting for the logged-in official's upload (token on their own PC)")
    List<SigningRequests.Waiting> mine(Principal user) {
        return requests.waitingFor(user.getName());
    }

    @GetMapping(path = "/api/signing/requests/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The prepared PDF to sign on the official's own PC (only the signer it names, while it waits)")
    ResponseEntity<byte[]> document(@PathVariable String id, Principal user) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("can-ky-" + id + ".pdf")
                                .build()
                                .toString())
                .body(requests.prepared(id, user.getName()));
    }

    @PostMapping(path = "/api/signing/requests/{id}/signed", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "The file signed on the official's own PC (multipart part \"file\")",
            description = "Accepted only if it is the prepared file byte for byte plus exactly one signature, by the"
                    + " official's registered certificate, covering the whole file and valid; then it is stored and"
                    + " the dossier goes on. Otherwise 422 with the reason (Vietnamese and English) and nothing"
                    + " changes; 403 for another official, 409 when the request no longer waits.")
    Accepted signed(@PathVariable String id, @RequestPart("file") MultipartFile file, Principal user) {
        try {
            SignedDocument stored = requests.upload(id, user.getName(), file.getBytes());
            return new Accepted(
                    stored.dossierCode(), stored.id(), stored.sha256(), stored.revision(), stored.signers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
