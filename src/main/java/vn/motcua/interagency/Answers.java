package vn.motcua.interagency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The receiver's answers: a signed acknowledgement, or problem details with {@code message} and {@code messageEn}. */
@Component
class Answers {

    private final KeyRing keys;
    private final ObjectMapper json;
    private final WallClock clock;

    Answers(KeyRing keys, ObjectMapper json, WallClock clock) {
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    /** The sender keeps it as the proof that the message arrived: who took it, when, and whether for the first time. */
    Answer acknowledgement(String messageId, String status, LocalDateTime receivedAt, String receiver) {
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("messageId", messageId);
        ack.put("status", status);
        ack.put("receivedAt", clock.instant(receivedAt).toString());
        ack.put("receiver", receiver);
        byte[] body = bytes(ack);
        KeyRing.Signed signed = keys.sign(receiver, body);
        return new Answer(200, body, signed.signature(), signed.keyId(), status);
    }

    Answer problem(HttpStatus status, String outcome, String vietnamese, String english) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", english);
        problem.put("message", vietnamese);
        problem.put("messageEn", english);
        return new Answer(status.value(), bytes(problem), null, null, outcome);
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
