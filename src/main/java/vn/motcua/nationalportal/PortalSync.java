package vn.motcua.nationalportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.NewDossier;

/**
 * Sends the queue to the portal, each dossier's rows strictly in their order: a round takes the first unsent row of
 * each dossier (up to {@code batch}), sends the records among them in one {@code DongBoHoSoMC} call and the progress
 * items in one {@code CapNhatTienDoHoSoMC} call, and marks each row by the portal's answer for it. A dossier's first
 * row is its record, so the portal has the record before any progress. A row the portal refuses is PARKED with the
 * portal's reason and holds back its dossier's later rows until an operator retries it. The portal away (no answer,
 * 5xx) ends the round; the next waits, doubling up to {@code backoff-max}. A row sent but not marked (the node died
 * meanwhile) is sent again: the portal keeps a record per code and a progress item once. One node of a cluster sends
 * at a time (ShedLock), for at most a minute per poll.
 */
@Component
class PortalSync {

    private static final Logger log = LoggerFactory.getLogger(PortalSync.class);
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(1);

    private final SyncMapper queue;
    private final PortalRecords records;
    private final PortalClient portal;
    private final PortalMapping mapping;
    private final NationalPortalSettings settings;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final TransactionTemplate transaction;
    private final AtomicLong sentItems = new AtomicLong();
    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile int failuresInARow;
    private volatile String lastFailure;
    private volatile Instant lastFailureAt;

    PortalSync(
            SyncMapper queue,
            PortalRecords records,
            PortalClient portal,
            NationalPortalSettings settings,
            ObjectMapper json,
            PlatformTransactionManager transactions,
            @Value("${motcua.zone}") String zone) {
        this.transaction = new TransactionTemplate(transactions);
        this.queue = queue;
        this.records = records;
        this.portal = portal;
        this.mapping = PortalMapping.of(settings.mapping());
        this.settings = settings;
        this.json = json;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(
            fixedDelayString = "${motcua.national-portal.poll:PT2S}",
            initialDelayString = "${motcua.national-portal.poll:PT2S}")
    @SchedulerLock(name = "national-portal-sync", lockAtMostFor = "PT3M")
    void scheduled() {
        if (settings.linked() && !Instant.now().isBefore(pausedUntil)) {
            drain();
        }
    }

    /** What the link is doing, for the operations view. */
    record State(
            boolean linked,
            String mapping,
            long sentSinceStart,
            int failuresInARow,
            String lastFailure,
            Instant lastFailureAt,
            Instant pausedUntil) {}

    State state() {
        return new State(
                settings.linked(),
                mapping.version(),
                sentItems.get(),
                failuresInARow,
                lastFailure,
                lastFailureAt,
                pausedUntil.isAfter(Instant.now()) ? pausedUntil : null);
    }

    /**
     * Sends until nothing is due, the portal is away, or {@link #DRAIN_LIMIT} passed (the next poll goes on: a node
     * that dies while sending holds the cluster's lock for at most three minutes); the number of rows marked sent.
     */
    synchronized int drain() {
        int marked = 0;
        Instant until = Instant.now().plus(DRAIN_LIMIT);
        try {
            while (Instant.now().isBefore(until)) {
                List<SyncMapper.Row> heads = queue.heads(settings.batch());
                if (heads.isEmpty()) {
                    break;
                }
                marked += round(heads);
            }
            failuresInARow = 0;
        } catch (PortalClient.Unavailable away) {
            failuresInARow++;
            lastFailure = away.getMessage();
            lastFailureAt = Instant.now();
            long waitMs = Math.min(
                    settings.backoffMax().toMillis(),
                    settings.poll().toMillis() * (1L << Math.min(failuresInARow, 20)));
            pausedUntil = Instant.now().plus(Duration.ofMillis(waitMs));
            log.warn(
                    "National portal unavailable ({} in a row), next try in {} ms: {}",
                    failuresInARow,
                    waitMs,
                    lastFailure);
        }
        return marked;
    }

    private int round(List<SyncMapper.Row> heads) throws PortalClient.Unavailable {
        int marked = 0;
        List<Pending> recordItems = new ArrayList<>();
        List<Pending> progressItems = new ArrayList<>();
        List<Long> unchanged = new ArrayList<>();
        for (SyncMapper.Row row : heads) {
            Optional<SyncMapper.Known> known = known(row.dossierCode());
            if (known.isEmpty()) {
                marked += queue.skipped(row.dossierCode(), now());
                continue;
            }
            boolean recordFirst = known.get().recordAcceptedAt() == null;
            if (SyncQueue.RECORD.equals(row.kind()) || recordFirst) {
                Optional<PortalFacts.DossierRecord> facts = records.record(known.get());
                if (facts.isEmpty()) {
                    marked += queue.skipped(row.dossierCode(), now());
                    continue;
                }
                Map<String, Object> item = mapping.record(facts.get());
                String sha256 = sha256(item);
                if (SyncQueue.RECORD.equals(row.kind())
                        && sha256.equals(known.get().recordSha256())) {
                    // the portal has this record as it is: nothing to tell
                    unchanged.add(row.id());
                    continue;
                }
                // a progress row of a dossier the portal has no record of yet waits for the record, sent now
                recordItems.add(new Pending(row, known.get(), item, sha256, SyncQueue.RECORD.equals(row.kind())));
            } else {
                progressItems.add(new Pending(
                        row, known.get(), mapping.progress(records.progress(known.get(), row)), null, true));
            }
        }
        if (!unchanged.isEmpty()) {
            marked += queue.sentAll(unchanged, now());
        }
        marked += send(mapping.recordService(), recordItems, true);
        marked += send(mapping.progressService(), progressItems, false);
        return marked;
    }

    private record Pending(
            SyncMapper.Row row, SyncMapper.Known known, Map<String, Object> item, String sha256, boolean marksRow) {}

    private int send(String service, List<Pending> pending, boolean isRecord) throws PortalClient.Unavailable {
        if (pending.isEmpty()) {
            return 0;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (isRecord) {
            body.put("isUpdating", pending.stream().allMatch(p -> p.known().recordAcceptedAt() != null));
        }
        body.put("data", pending.stream().map(Pending::item).toList());
        JsonNode answer = portal.call(service, body);
        JsonNode results = answer.path("result");
        String code = answer.path("error_code").asText();
        if (!results.isArray() || results.size() != pending.size()) {
            if (PortalClient.OK.equals(code) || !"02".equals(code)) {
                throw new PortalClient.Unavailable(service + " answered " + code + " without one result per item: "
                        + answer.path("message").asText());
            }
        }
        // the answers of one call are marked in one transaction: one commit per call, not per row
        Integer marked = transaction.execute(tx -> mark(service, pending, isRecord, answer, results));
        return marked == null ? 0 : marked;
    }

    private int mark(String service, List<Pending> pending, boolean isRecord, JsonNode answer, JsonNode results) {
        int marked = 0;
        for (int i = 0; i < pending.size(); i++) {
            Pending one = pending.get(i);
            JsonNode result = results.isArray() && results.size() == pending.size() ? results.get(i) : answer;
            LocalDateTime now = now();
            if (PortalClient.OK.equals(result.path("error_code").asText())) {
                if (isRecord) {
                    queue.recordAccepted(one.known().dossierCode(), one.sha256(), now);
                }
                if (one.marksRow()) {
                    marked += queue.sent(one.row().id(), now);
                }
                sentItems.incrementAndGet();
            } else {
                String reason = service + ": "
                        + result.path("message").asText(answer.path("message").asText());
                queue.park(one.row().id(), reason.length() > 2000 ? reason.substring(0, 2000) : reason);
                log.warn(
                        "National portal refused {} of dossier {}: {}",
                        one.row().kind(),
                        one.row().dossierCode(),
                        reason);
            }
        }
        return marked;
    }

    /** The dossier as the link knows it; one not known yet (filed before the link) is known from now on. */
    private Optional<SyncMapper.Known> known(String code) {
        Optional<SyncMapper.Known> known = queue.known(code);
        if (known.isPresent()) {
            return known;
        }
        Optional<Dossier> dossier = records.dossier(code);
        if (dossier.isEmpty() || dossier.get().channel() == NewDossier.Channel.LIENTHONG) {
            // another agency's dossier handled here: the agency that received it tells the portal
            return Optional.empty();
        }
        queue.insertKnown(code, dossier.get().agencyCode(), dossier.get().receivedAt());
        return queue.known(code);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(zone);
    }

    private String sha256(Map<String, Object> item) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(json.writeValueAsString(item).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
