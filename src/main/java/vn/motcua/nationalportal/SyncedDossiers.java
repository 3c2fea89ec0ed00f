package vn.motcua.nationalportal;

import java.time.LocalDateTime;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/** What the national portal has of our dossiers, for the 766 index (indicator 1.4). */
@Service
public class SyncedDossiers {

    private final SyncMapper queue;
    private final NationalPortalSettings settings;

    SyncedDossiers(SyncMapper queue, NationalPortalSettings settings) {
        this.queue = queue;
        this.settings = settings;
    }

    /**
     * The dossiers received in [start, end) (of one agency, or all when null) whose record the portal accepted; empty
     * when this installation has no link with the portal.
     */
    public OptionalLong synced(LocalDateTime start, LocalDateTime end, String agency) {
        if (!settings.linked()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(queue.counts(start, end, agency).stream()
                .mapToLong(SyncMapper.AgencyCount::synced)
                .sum());
    }
}
