package vn.motcua.nationalportal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

/**
 * The national procedure catalogue the emulator serves ({@code LayDanhSachTTHC}, {@code LayThuTuc}): procedures in the
 * shape of domain.md §8, from {@code nationalportal/emulator-catalogue.json} unless a file or the control API gives
 * another list.
 */
final class Catalogue {

    static final String RESOURCE = "/nationalportal/emulator-catalogue.json";

    private final AtomicReference<ArrayNode> procedures = new AtomicReference<>();

    private Catalogue(JsonNode procedures) {
        replace(procedures);
    }

    static Catalogue load(Optional<Path> file) {
        try (InputStream in =
                file.isPresent() ? Files.newInputStream(file.get()) : Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No catalogue at " + RESOURCE);
            }
            return new Catalogue(HttpJson.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces every procedure; refused unless each one is an object with a MATTHC. */
    void replace(JsonNode given) {
        if (!given.isArray()
                || !StreamSupport.stream(given.spliterator(), false)
                        .allMatch(
                                p -> p.isObject() && !p.path("MATTHC").asText().isBlank())) {
            throw new IllegalArgumentException("The catalogue must be an array of procedures, each with a MATTHC");
        }
        procedures.set((ArrayNode) given.deepCopy());
    }

    int size() {
        return procedures.get().size();
    }

    /** One line per procedure: code, name, first sector and first implementing agency. */
    ArrayNode list() {
        ArrayNode list = HttpJson.JSON.createArrayNode();
        for (JsonNode procedure : procedures.get()) {
            JsonNode sector = procedure.path("LINHVUCTHUCHIEN").path(0);
            list.addObject()
                    .put("MATTHC", procedure.path("MATTHC").asText())
                    .put("TENTTHC", procedure.path("TENTTHC").asText())
                    .put("MALINHVUC", HttpJson.text(sector, "MALINHVUC").orElse(null))
                    .put("TENLINHVUC", HttpJson.text(sector, "TENLINHVUC").orElse(null))
                    .put(
                            "MACOQUAN",
                            HttpJson.text(procedure.path("COQUANTHUCHIEN").path(0), "MADONVI")
                                    .orElse(null));
        }
        return list;
    }

    Optional<ObjectNode> find(String code) {
        return StreamSupport.stream(procedures.get().spliterator(), false)
                .filter(procedure -> procedure.path("MATTHC").asText().equals(code))
                .findFirst()
                .map(procedure -> (ObjectNode) procedure.deepCopy());
    }
}
