package vn.motcua.nationalportal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.api.UserError;
import vn.motcua.catalog.Procedures;
import vn.motcua.reception.FilingReceipt;
import vn.motcua.reception.Reception;

/**
 * Dossiers filed on the national portal: each is filed here as an online filing (the catalogue and the start form
 * checked as for any filing), gets our code with the portal's kept beside it ({@code portal_dossier.portal_code}),
 * starts its process, and is confirmed to the portal with our code ({@code XacNhanHoSo}); its statuses then flow back
 * through the sync like any dossier's. One arriving twice (a repeated poll or push) is the same dossier. One that
 * cannot be filed stays refused with the reason, for the operations view, until an operator asks again.
 */
@Component
class InboundDossiers {

    private static final Logger log = LoggerFactory.getLogger(InboundDossiers.class);
    static final String FILED_BY = "dvcqg";

    private final Reception reception;
    private final Procedures procedures;
    private final SyncMapper queue;
    private final PortalClient portal;
    private final PortalMapping mapping;
    private final NationalPortalSettings settings;
    private final TransactionTemplate transaction;
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    InboundDossiers(
            Reception reception,
            Procedures procedures,
            SyncMapper queue,
            PortalClient portal,
            NationalPortalSettings settings,
            PlatformTransactionManager transactions) {
        this.reception = reception;
        this.procedures = procedures;
        this.queue = queue;
        this.portal = portal;
        this.mapping = PortalMapping.of(settings.mapping());
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The outcome for one dossier of the portal: our code, or why it was not filed. */
    record Outcome(String portalCode, String dossierCode, String vietnamese, String english) {

        boolean filed() {
            return dossierCode != null;
        }
    }

    @Scheduled(
            fixedDelayString = "${motcua.national-portal.inbound-poll:PT10S}",
            initialDelayString = "${motcua.national-portal.inbound-poll:PT10S}")
    @SchedulerLock(name = "national-portal-inbound", lockAtMostFor = "PT10M")
    void scheduled() {
        if (settings.polls()) {
            try {
                poll();
            } catch (PortalClient.Unavailable away) {
                log.warn("National portal: new dossiers could not be fetched: {}", away.getMessage());
            }
        }
    }

    /**
     * Asks the portal for the new dossiers of each agency whose procedures are filed here, files and confirms each;
     * the number filed or found filed.
     */
    synchronized int poll() throws PortalClient.Unavailable {
        int taken = 0;
        for (String agency : procedures.agencyCodes()) {
            taken += poll(agency);
        }
        return taken;
    }

    private int poll(String agency) throws PortalClient.Unavailable {
        JsonNode answer = portal.call("LayHoSoMoi", Map.of("madonvi", agency));
        int taken = 0;
        for (JsonNode dossier : answer.path("result")) {
            String code = mapping.inboundCode(dossier);
            if (code == null || refused.containsKey(code)) {
                continue;
            }
            Outcome outcome = receive(dossier);
            if (outcome.filed()) {
                confirm(outcome);
                taken++;
            }
        }
        return taken;
    }

    /** Files one dossier of the portal here, once. */
    Outcome receive(JsonNode dossier) {
        String portalCode = mapping.inboundCode(dossier);
        if (portalCode == null) {
            return new Outcome(
                    null, null, "Thiếu mã hồ sơ của Cổng (MaHoSoQG).", "The portal's code (MaHoSoQG) is missing.");
        }
        Optional<SyncMapper.Known> known = queue.byPortalCode(portalCode);
        if (known.isPresent()) {
            return new Outcome(portalCode, known.get().dossierCode(), null, null);
        }
        try {
            FilingReceipt receipt = transaction.execute(tx -> {
                PortalFacts.InboundDossier facts = mapping.inbound(dossier);
                FilingReceipt filed = reception.fileOnline(
                        facts.procedureCode(),
                        facts.applicant(),
                        facts.summary(),
                        facts.formData(),
                        facts.attachments(),
                        FILED_BY);
                if (queue.setPortalCode(filed.code(), portalCode) != 1) {
                    throw new IllegalStateException("dossier " + filed.code() + " is not known to the portal link");
                }
                return filed;
            });
            refused.remove(portalCode);
            log.info("Dossier {} of the national portal filed here as {}", portalCode, receipt.code());
            return new Outcome(portalCode, receipt.code(), null, null);
        } catch (UserError invalid) {
            return refuse(portalCode, invalid.vietnamese(), invalid.getMessage());
        } catch (PortalMapping.MappingError unreadable) {
            return refuse(portalCode, unreadable.getMessage(), unreadable.english());
        } catch (org.springframework.dao.DuplicateKeyException twice) {
            // the same dossier came by another path at the same moment: the other filing stands
            return queue.byPortalCode(portalCode)
                    .map(k -> new Outcome(portalCode, k.dossierCode(), null, null))
                    .orElseThrow(() -> twice);
        }
    }

    private Outcome refuse(String portalCode, String vietnamese, String english) {
        refused.put(portalCode, vietnamese + " / " + english);
        log.warn("Dossier {} of the national portal not filed: {}", portalCode, english);
        return new Outcome(portalCode, null, vietnamese, english);
    }

    private void confirm(Outcome outcome) throws PortalClient.Unavailable {
        JsonNode answer =
                portal.call("XacNhanHoSo", Map.of("MaHoSoQG", outcome.portalCode(), "MaHoSo", outcome.dossierCode()));
        if (!PortalClient.OK.equals(answer.path("error_code").asText())) {
            log.warn(
                    "The national portal did not take our code {} for its dossier {}: {}",
                    outcome.dossierCode(),
                    outcome.portalCode(),
                    answer.path("message").asText());
        }
    }

    /** The portal's dossiers not filed here, with the reason. */
    Map<String, String> refused() {
        return Map.copyOf(refused);
    }

    /** Asks again for a refused one at the next poll (after the catalogue or the portal's data was fixed). */
    boolean forget(String portalCode) {
        return refused.remove(portalCode) != null;
    }
}
