package vn.motcua.interagency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The checks before a message may have any effect: a JSON envelope with its fields within bounds, from a known agency,
 * signed by that agency's key in force, its payload hash right, for an agency served here.
 */
@Component
class EnvelopeCheck {

    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");

    /** The envelope read from the body, or the reason it is refused. */
    record Checked(Envelope envelope, Admission.Refusal refusal) {}

    private final InteragencySettings settings;
    private final KeyRing keys;
    private final ObjectMapper json;
    private final WallClock clock;

    EnvelopeCheck(InteragencySettings settings, KeyRing keys, ObjectMapper json, WallClock clock) {
        this.settings = settings;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    Checked check(byte[] body, KeyRing.Signed signed) {
        Envelope envelope;
        try {
            envelope = json.readValue(body, Envelope.class);
        } catch (IOException notAnEnvelope) {
            return refused(
                    null,
                    HttpStatus.BAD_REQUEST,
                    "Thông điệp liên thông không đúng định dạng JSON của phong bì (envelope).",
                    "The message is not a JSON envelope.");
        }
        String missing = envelope == null ? "messageId" : envelope.missingField();
        if (missing != null) {
            return refused(
                    envelope,
                    HttpStatus.BAD_REQUEST,
                    "Thông điệp liên thông thiếu trường bắt buộc: " + missing + ".",
                    "The envelope lacks the required field " + missing + ".");
        }
        if (!MESSAGE_ID.matcher(envelope.messageId()).matches()) {
            return refused(
                    envelope,
                    HttpStatus.BAD_REQUEST,
                    "Mã thông điệp (messageId) không hợp lệ.",
                    "The messageId is not valid (at most 36 letters, digits and dashes).");
        }
        String oversized = envelope.oversizedField();
        if (oversized != null) {
            return refused(
                    envelope,
                    HttpStatus.BAD_REQUEST,
                    "Trường " + oversized + " của thông điệp liên thông dài quá mức cho phép.",
                    "The envelope's field " + oversized + " is longer than allowed.");
        }
        String sender = envelope.senderAgency();
        if (!settings.isKnown(sender)) {
            return refused(
                    envelope,
                    HttpStatus.FORBIDDEN,
                    "Cơ quan gửi " + sender + " không có trong danh sách cơ quan liên thông.",
                    "The sending agency " + sender + " is not a known peer.");
        }
        KeyRing.Verdict verdict =
                keys.verify(sender, body, signed.keyId(), signed.signature(), clock.instant(clock.now()));
        if (verdict != KeyRing.Verdict.GOOD) {
            return refused(
                    envelope,
                    HttpStatus.UNAUTHORIZED,
                    "Chữ ký của thông điệp liên thông không đúng với khóa công khai của cơ quan " + sender + " ("
                            + verdict + "): thông điệp bị từ chối.",
                    "The message signature (" + KeyRing.SIGNATURE_HEADER + ", " + KeyRing.KEY_ID_HEADER + ") is not "
                            + sender + "'s (" + verdict + "): the message is refused.");
        }
        if (!payloadSha256(envelope.payload()).equals(envelope.payloadSha256())) {
            return refused(
                    envelope,
                    HttpStatus.BAD_REQUEST,
                    "Mã băm của dữ liệu (payloadSha256) không khớp với dữ liệu gửi kèm.",
                    "payloadSha256 does not match the payload.");
        }
        if (!settings.isLocal(envelope.receiverAgency())) {
            return refused(
                    envelope,
                    HttpStatus.FORBIDDEN,
                    "Hệ thống này không phục vụ cơ quan nhận " + envelope.receiverAgency() + ".",
                    "This installation does not serve the receiving agency " + envelope.receiverAgency() + ".");
        }
        return new Checked(envelope, null);
    }

    String payloadSha256(JsonNode payload) {
        try {
            return Ed25519.sha256(json.writeValueAsBytes(payload == null ? json.createObjectNode() : payload));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Checked refused(Envelope envelope, HttpStatus status, String vietnamese, String english) {
        return new Checked(envelope, new Admission.Refusal(status, vietnamese, english));
    }
}
