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

/** Where peer installations deliver handoffs; the HMAC signature over the exact body authenticates the sender. */
@RestController
class MessageController {

    private final Inbox inbox;

    MessageController(Inbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping(path = PeerClient.PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Deliver an inter-agency message (liên thông)",
            description = "Body: the envelope (README \"Liên thông\"); header " + Hmac.HEADER
                    + ": hex HMAC-SHA256 of the exact body with the sending agency's key. 200 ACCEPTED or DUPLICATE,"
                    + " signed by the receiver in the same header; 401/403 refused; 422 parked (nobody waits for it).")
    ResponseEntity<byte[]> deliver(
            @RequestBody byte[] body,
            @RequestHeader(name = Hmac.HEADER, required = false) String signature,
            HttpServletRequest request) {
        Answer answer = inbox.receive(body, signature, request.getRemoteAddr());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(answer.acknowledged() ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON);
        if (answer.signature() != null) {
            headers.set(Hmac.HEADER, answer.signature());
        }
        return ResponseEntity.status(answer.status()).headers(headers).body(answer.body());
    }
}
