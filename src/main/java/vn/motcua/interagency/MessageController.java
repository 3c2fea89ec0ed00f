package vn.motcua.interagency;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Where peer installations deliver handoffs; the sender's Ed25519 signature over the exact body authenticates it. */
@RestController
class MessageController {

    private final Inbox inbox;

    MessageController(Inbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping(path = PeerClient.PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Deliver an inter-agency message (liên thông)",
            description = "Body: the envelope (README \"Liên thông\"); headers " + KeyRing.SIGNATURE_HEADER
                    + ": base64 Ed25519 signature of the exact body with the sending agency's private key, "
                    + KeyRing.KEY_ID_HEADER + ": that key's id. 200 ACCEPTED or DUPLICATE, signed by the receiver in"
                    + " the same headers; 400/401/403/409 refused; 422 parked (nobody waits for it yet).")
    ResponseEntity<byte[]> deliver(
            @RequestBody byte[] body,
            @RequestHeader(name = KeyRing.SIGNATURE_HEADER, required = false) String signature,
            @RequestHeader(name = KeyRing.KEY_ID_HEADER, required = false) String keyId,
            HttpServletRequest request) {
        Answer answer = inbox.receive(body, new KeyRing.Signed(keyId, signature), request.getRemoteAddr());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(answer.acknowledged() ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON);
        if (answer.signature() != null) {
            headers.set(KeyRing.SIGNATURE_HEADER, answer.signature());
            headers.set(KeyRing.KEY_ID_HEADER, answer.keyId());
        }
        return ResponseEntity.status(answer.status()).headers(headers).body(answer.body());
    }
}
