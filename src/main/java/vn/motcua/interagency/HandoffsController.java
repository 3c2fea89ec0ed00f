package vn.motcua.interagency;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.Operators;
import vn.motcua.api.UserError;

/** The operators' view of handoffs (group camunda-admin): pending, failed, delivered and parked, with their evidence. */
@RestController
@RequestMapping("/api/interagency/handoffs")
class HandoffsController {

    private static final int LIMIT = 500;

    private final OutboxMapper outbox;
    private final InboxMapper inbox;
    private final Inbox receiver;
    private final DeliveryWorker worker;
    private final WallClock clock;

    HandoffsController(OutboxMapper outbox, InboxMapper inbox, Inbox receiver, DeliveryWorker worker, WallClock clock) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.receiver = receiver;
        this.worker = worker;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List handoffs (newest first, at most 500 per direction); operators only")
    List<Map<String, Object>> list(
            @RequestParam(required = false) String direction,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String dossier,
            Authentication user) {
        checkOperator(user);
        String wanted =
                status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        String code = dossier == null || dossier.isBlank() ? null : dossier.trim();
        List<Map<String, Object>> handoffs = new ArrayList<>();
        if (direction == null || "OUT".equalsIgnoreCase(direction)) {
            outbox.list(wanted, code, LIMIT).forEach(row -> handoffs.add(outgoing(row, false)));
        }
        if (direction == null || "IN".equalsIgnoreCase(direction)) {
            inbox.list(wanted, code, LIMIT).forEach(row -> handoffs.add(incoming(row, false)));
        }
        return handoffs;
    }

    @GetMapping("/refusals")
    @Operation(summary = "Messages refused before any effect (bad signature, unknown sender), newest first")
    List<InboxMapper.Refusal> refusals(Authentication user) {
        checkOperator(user);
        return inbox.refusals(LIMIT);
    }

    @GetMapping("/{messageId}")
    @Operation(summary = "One handoff as sent and/or as received here, with the envelope and every delivery attempt")
    Map<String, Object> one(@PathVariable String messageId, Authentication user) {
        checkOperator(user);
        Map<String, Object> handoff = new LinkedHashMap<>();
        handoff.put("messageId", messageId);
        handoff.put(
                "outgoing",
                outbox.find(messageId).map(row -> outgoing(row, true)).orElse(null));
        handoff.put(
                "incoming",
                inbox.find(messageId).map(row -> incoming(row, true)).orElse(null));
        if (handoff.get("outgoing") == null && handoff.get("incoming") == null) {
            throw notFound(messageId);
        }
        return handoff;
    }

    @PostMapping("/{messageId}/retry")
    @Operation(
            summary = "Try a failed, dead or waiting handoff again now",
            description =
                    "An outgoing message (FAILED, DEAD or PENDING) is sent again at once, with a fresh budget of attempts and age; a PARKED incoming one is"
                            + " correlated again. A delivered or correlated message is not sent twice (409).")
    ResponseEntity<Map<String, Object>> retry(@PathVariable String messageId, Authentication user) {
        checkOperator(user);
        if (outbox.find(messageId).isPresent()) {
            if (outbox.retry(messageId, clock.now()) == 0) {
                throw done(messageId);
            }
            worker.nudge();
            return ResponseEntity.accepted()
                    .body(Map.of("messageId", messageId, "direction", "OUT", "status", "PENDING"));
        }
        if (inbox.find(messageId).isEmpty()) {
            throw notFound(messageId);
        }
        Answer answer = receiver.retryParked(messageId).orElseThrow(() -> done(messageId));
        String status = inbox.find(messageId).map(InboxMapper.Row::status).orElse("PARKED");
        return ResponseEntity.status(answer.status())
                .body(Map.of("messageId", messageId, "direction", "IN", "status", status));
    }

    private Map<String, Object> outgoing(OutboxMapper.Row row, boolean details) {
        Map<String, Object> view = common("OUT", row.messageId(), row.dossierCode(), row.messageName());
        view.put("senderAgency", row.senderAgency());
        view.put("receiverAgency", row.receiverAgency());
        view.put("procedure", row.procedureCode());
        view.put("status", row.status());
        view.put("attempts", row.attempts());
        view.put("nextAttemptAt", "PENDING".equals(row.status()) ? row.nextAttemptAt() : null);
        view.put("lastError", row.lastError());
        view.put("createdAt", row.createdAt());
        view.put("sentAt", row.sentAt());
        view.put("acknowledgedAt", row.acknowledgedAt());
        view.put("payloadSha256", row.payloadSha256());
        view.put("signature", row.signature());
        view.put("keyId", row.keyId());
        view.put("ackStatus", row.ackStatus());
        view.put("ackBody", row.ackBody());
        view.put("ackSignature", row.ackSignature());
        view.put("ackKeyId", row.ackKeyId());
        view.put("processInstanceId", row.processInstanceId());
        view.put("activityId", row.activityId());
        if (details) {
            view.put("envelope", row.envelope());
            view.put("attemptHistory", outbox.attempts(row.messageId()));
        }
        return view;
    }

    private Map<String, Object> incoming(InboxMapper.Row row, boolean details) {
        Map<String, Object> view = common("IN", row.messageId(), row.dossierCode(), row.messageName());
        view.put("senderAgency", row.senderAgency());
        view.put("receiverAgency", row.receiverAgency());
        view.put("procedure", row.procedureCode());
        view.put("status", row.status());
        view.put("reason", row.reason());
        view.put("attempts", row.attempts());
        view.put("receivedAt", row.receivedAt());
        view.put("correlatedAt", row.correlatedAt());
        view.put("processInstanceId", row.processInstanceId());
        view.put("payloadSha256", row.payloadSha256());
        view.put("signature", row.signature());
        view.put("keyId", row.keyId());
        view.put("ackBody", row.ackBody());
        view.put("ackSignature", row.ackSignature());
        view.put("ackKeyId", row.ackKeyId());
        if (details) {
            view.put("envelope", row.envelope());
        }
        return view;
    }

    private static Map<String, Object> common(String direction, String messageId, String dossier, String name) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("direction", direction);
        view.put("messageId", messageId);
        view.put("dossierCode", dossier);
        view.put("messageName", name);
        return view;
    }

    private static void checkOperator(Authentication user) {
        Operators.require(
                user,
                "Chỉ quản trị hệ thống (nhóm camunda-admin) được xem và gửi lại các thông điệp liên thông.",
                "Only operators (group camunda-admin) may see and retry handoffs.");
    }

    private static UserError notFound(String messageId) {
        return UserError.notFound(
                "Không có thông điệp liên thông mã " + messageId + ".", "There is no handoff " + messageId + ".");
    }

    private static UserError done(String messageId) {
        return UserError.conflict(
                "Thông điệp " + messageId + " đã được chuyển và tiếp nhận; không gửi lại lần nữa.",
                "Handoff " + messageId + " was already delivered and taken; it is not sent again.");
    }
}
