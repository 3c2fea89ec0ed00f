package vn.motcua.nationalportal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A citizen filing on the national portal: the dossier is stored for {@code LayHoSoMoi} and, in push mode, sent to
 * the province at once; the province's code in the push answer confirms it as {@code XacNhanHoSo} would.
 */
final class Filing {

    private final InboundDossiers dossiers;
    private final Optional<Pusher> pusher;

    Filing(InboundDossiers dossiers, Optional<Pusher> pusher) {
        this.dossiers = dossiers;
        this.pusher = pusher;
    }

    /** The stored dossier, once the push (if any) was answered. */
    ObjectNode file(JsonNode dossier) {
        ObjectNode stored = dossiers.file(dossier);
        pusher.flatMap(push -> push.push(stored))
                .ifPresent(ourCode -> dossiers.confirm(stored.path("MaHoSoQG").asText(), ourCode));
        return stored;
    }

    InboundDossiers dossiers() {
        return dossiers;
    }
}
