package vn.motcua.nationalportal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the portal holds of the dossiers a province syncs: the latest accepted record of each {@code MaHoSo} with the
 * statuses of every accepted version, the distinct progress items in arrival order, the refusals the control API set,
 * and the counts behind {@code /control/stats}. Every method holds the ledger's lock: one batch item at a time.
 */
final class Ledger {

    /** One item's answer in a batch. */
    record ItemResult(String maHoSo, boolean accepted, String message) {
        ObjectNode toJson() {
            return HttpJson.JSON
                    .createObjectNode()
                    .put("MaHoSo", maHoSo)
                    .put("error_code", accepted ? "00" : "02")
                    .put("message", message);
        }
    }

    private record ProgressKey(String maHoSo, String at, String content, String by, int status) {}

    private static final class Entry {
        private JsonNode record;
        private final List<Integer> statuses = new ArrayList<>();
        private Instant acceptedAt;
    }

    private final Map<String, Entry> records = new LinkedHashMap<>();
    private final List<JsonNode> progress = new ArrayList<>();
    private final Set<ProgressKey> progressKeys = new HashSet<>();
    private final Map<String, String> refusals = new TreeMap<>();
    private long duplicates;
    private long refusedItems;

    synchronized ItemResult syncRecord(JsonNode item) {
        String maHoSo = HttpJson.text(item, "MaHoSo").orElse(null);
        Optional<String> refusal = refusal(maHoSo).or(() -> RecordCheck.record(item));
        if (refusal.isPresent()) {
            return refused(maHoSo, refusal.get());
        }
        Entry entry = records.computeIfAbsent(maHoSo, code -> new Entry());
        boolean update = entry.record != null;
        entry.record = item.deepCopy();
        entry.statuses.add(RecordCheck.statusOf(item, "TrangThaiHoSo").orElseThrow());
        entry.acceptedAt = Instant.now();
        return new ItemResult(maHoSo, true, update ? "Đã cập nhật hồ sơ" : "Đã tiếp nhận hồ sơ");
    }

    synchronized ItemResult syncProgress(JsonNode item) {
        String maHoSo = HttpJson.text(item, "MaHoSo").orElse(null);
        Optional<String> refusal = refusal(maHoSo).or(() -> RecordCheck.progress(item));
        if (refusal.isEmpty() && !records.containsKey(maHoSo)) {
            refusal = Optional.of("Hồ sơ " + maHoSo + " chưa được đồng bộ (DongBoHoSoMC) trước tiến độ");
        }
        if (refusal.isPresent()) {
            return refused(maHoSo, refusal.get());
        }
        ProgressKey key = new ProgressKey(
                maHoSo,
                item.path("ThoiDiemXuLy").asText(),
                item.path("NoiDungXuLy").asText(),
                item.path("NguoiXuLy").asText(),
                RecordCheck.statusOf(item, "TrangThai").orElseThrow());
        if (!progressKeys.add(key)) {
            duplicates++;
            return new ItemResult(maHoSo, true, "Tiến độ đã có, không lưu lại");
        }
        progress.add(item.deepCopy());
        return new ItemResult(maHoSo, true, "Đã cập nhật tiến độ");
    }

    /** The latest record with its progress as {@code TienDo}, as TraCuuHoSo answers. */
    synchronized Optional<ObjectNode> lookUp(String maHoSo) {
        return Optional.ofNullable(records.get(maHoSo)).map(entry -> {
            ObjectNode found = (ObjectNode) entry.record.deepCopy();
            found.set("TienDo", progress(Optional.of(maHoSo)));
            return found;
        });
    }

    synchronized ArrayNode records() {
        ArrayNode all = HttpJson.JSON.createArrayNode();
        records.values().forEach(entry -> all.add(view(entry)));
        return all;
    }

    synchronized Optional<ObjectNode> record(String maHoSo) {
        return Optional.ofNullable(records.get(maHoSo)).map(Ledger::view);
    }

    synchronized ArrayNode progress(Optional<String> maHoSo) {
        ArrayNode found = HttpJson.JSON.createArrayNode();
        progress.stream()
                .filter(item -> maHoSo.isEmpty() || item.path("MaHoSo").asText().equals(maHoSo.get()))
                .forEach(item -> found.add(item.deepCopy()));
        return found;
    }

    synchronized Map<String, String> refuse(String maHoSo, String message) {
        refusals.put(maHoSo, message);
        return Map.copyOf(refusals);
    }

    synchronized Map<String, String> clearRefusal(String maHoSo) {
        refusals.remove(maHoSo);
        return Map.copyOf(refusals);
    }

    synchronized void writeTo(ObjectNode stats) {
        stats.put("records", records.size());
        stats.put(
                "recordVersions",
                records.values().stream().mapToLong(e -> e.statuses.size()).sum());
        stats.put("progress", progress.size());
        stats.put("duplicates", duplicates);
        stats.put("refusedItems", refusedItems);
        Map<String, Long> byAgency = new TreeMap<>();
        records.values().forEach(e -> byAgency.merge(e.record.path("DonViXuLy").asText(), 1L, Long::sum));
        ObjectNode agencies = stats.putObject("recordsByAgency");
        byAgency.forEach(agencies::put);
    }

    synchronized void reset() {
        records.clear();
        progress.clear();
        progressKeys.clear();
        refusals.clear();
        duplicates = 0;
        refusedItems = 0;
    }

    private Optional<String> refusal(String maHoSo) {
        return Optional.ofNullable(maHoSo).map(refusals::get);
    }

    private ItemResult refused(String maHoSo, String message) {
        refusedItems++;
        return new ItemResult(maHoSo, false, message);
    }

    private static ObjectNode view(Entry entry) {
        ObjectNode view = HttpJson.JSON.createObjectNode();
        view.set("record", entry.record.deepCopy());
        view.put("versions", entry.statuses.size());
        ArrayNode statuses = view.putArray("statuses");
        entry.statuses.forEach(statuses::add);
        view.put("acceptedAt", entry.acceptedAt.toString());
        return view;
    }
}
