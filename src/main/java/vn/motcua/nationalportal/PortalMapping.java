package vn.motcua.nationalportal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The portal's field names, formats and codes for one version of its integration specification: the only place that
 * knows them. A new specification (TT 04/2025's, once published) is a new implementation chosen by {@code
 * motcua.national-portal.mapping}, not a change of the sync.
 */
interface PortalMapping {

    /** The versions this build knows. */
    List<String> VERSIONS = List.of(Dvcqg2019Mapping.VERSION);

    static PortalMapping of(String version) {
        if (Dvcqg2019Mapping.VERSION.equals(version)) {
            return new Dvcqg2019Mapping();
        }
        throw new IllegalStateException("motcua.national-portal.mapping: no mapping version " + version + " (known: "
                + String.join(", ", VERSIONS) + ")");
    }

    String version();

    /** The service and body of a batch of records ({@code data} holds {@link #record} items). */
    String recordService();

    /** The service of a batch of progress items. */
    String progressService();

    Map<String, Object> record(PortalFacts.DossierRecord record);

    Map<String, Object> progress(PortalFacts.Progress progress);

    /** The code a record or progress item is about, as the portal echoes it in its per-item results. */
    String codeOf(Map<String, Object> item);

    /** A dossier filed on the portal; a {@link MappingError} names what is wrong with it. */
    PortalFacts.InboundDossier inbound(JsonNode dossier);

    /** The portal's code of a dossier filed there, read before anything else (to answer about it). */
    String inboundCode(JsonNode dossier);

    PortalFacts.NationalProcedure procedure(JsonNode procedure);

    /** A field of the portal's data that cannot be read as ours, with the reason in Vietnamese and English. */
    final class MappingError extends RuntimeException {

        private final String english;

        MappingError(String vietnamese, String english) {
            super(vietnamese);
            this.english = english;
        }

        String english() {
            return english;
        }
    }
}
