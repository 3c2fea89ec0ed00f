package vn.motcua.nationalportal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Dossiers citizens filed on the national portal for our agencies, in filing order: each waits in {@code LayHoSoMoi}
 * until the province confirms it with its own code ({@code XacNhanHoSo}, or the answer to a push).
 */
final class InboundDossiers {

    static final int PAGE = 100;
    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private static final class Filed {
        private final ObjectNode dossier;
        private String confirmedAs;

        private Filed(ObjectNode dossier) {
            this.dossier = dossier;
        }
    }

    private final Map<String, Filed> filed = new LinkedHashMap<>();

    /**
     * Stores a copy of the dossier, with a national code {@code QG-<yyMMdd>-<6 digits>} when it has none and the filing
     * time when it has none; refused when the code is already taken or the agency or procedure is missing.
     */
    synchronized ObjectNode file(JsonNode dossier) {
        if (!dossier.isObject()
                || HttpJson.text(dossier, "MaDonVi").filter(t -> !t.isBlank()).isEmpty()
                || HttpJson.text(dossier, "MaTTHC").filter(t -> !t.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("A dossier is an object with at least MaDonVi and MaTTHC");
        }
        ObjectNode stored = (ObjectNode) dossier.deepCopy();
        String code =
                HttpJson.text(stored, "MaHoSoQG").filter(t -> !t.isBlank()).orElseGet(this::newCode);
        if (filed.containsKey(code)) {
            throw new IllegalStateException("Hồ sơ " + code + " đã có");
        }
        stored.put("MaHoSoQG", code);
        if (HttpJson.text(stored, "NgayNop").filter(t -> !t.isBlank()).isEmpty()) {
            stored.put("NgayNop", PortalTime.now());
        }
        filed.put(code, new Filed(stored));
        return stored.deepCopy();
    }

    /** The oldest {@link #PAGE} dossiers for that agency not yet confirmed. */
    synchronized ArrayNode waitingFor(String agency) {
        ArrayNode waiting = HttpJson.JSON.createArrayNode();
        filed.values().stream()
                .filter(f -> f.confirmedAs == null)
                .filter(f -> f.dossier.path("MaDonVi").asText().equals(agency))
                .limit(PAGE)
                .forEach(f -> waiting.add(f.dossier.deepCopy()));
        return waiting;
    }

    /** Empty when confirmed (again with the same code too), else why not. */
    synchronized Optional<String> confirm(String nationalCode, String ourCode) {
        Filed dossier = filed.get(nationalCode);
        if (dossier == null) {
            return Optional.of("Không tìm thấy hồ sơ " + nationalCode);
        }
        if (dossier.confirmedAs != null && !dossier.confirmedAs.equals(ourCode)) {
            return Optional.of("Hồ sơ " + nationalCode + " đã được xác nhận với mã " + dossier.confirmedAs);
        }
        dossier.confirmedAs = ourCode;
        return Optional.empty();
    }

    synchronized ArrayNode all() {
        ArrayNode all = HttpJson.JSON.createArrayNode();
        filed.values().forEach(f -> {
            ObjectNode line = all.addObject();
            line.set("dossier", f.dossier.deepCopy());
            line.put("confirmedAs", f.confirmedAs);
        });
        return all;
    }

    synchronized void reset() {
        filed.clear();
    }

    private String newCode() {
        String prefix = "QG-" + LocalDate.now(PortalTime.ZONE).format(CODE_DATE) + "-";
        String code;
        do {
            code = prefix + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        } while (filed.containsKey(code));
        return code;
    }
}
