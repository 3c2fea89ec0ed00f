package vn.motcua.nationalportal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Function;

/**
 * The services behind {@code POST /adapter/service} once the caller's agency and session passed: the dossier sync
 * ({@code DongBoHoSoMC}, {@code CapNhatTienDoHoSoMC}, {@code TraCuuHoSo}), the catalogue ({@code LayDanhSachTTHC},
 * {@code LayThuTuc}) and the dossiers filed on the portal ({@code LayHoSoMoi}, {@code XacNhanHoSo}).
 */
final class PortalServices {

    static final int MAX_BATCH = 200;

    private final Ledger ledger;
    private final Catalogue catalogue;
    private final InboundDossiers dossiers;

    PortalServices(Ledger ledger, Catalogue catalogue, InboundDossiers dossiers) {
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.dossiers = dossiers;
    }

    /** The answer to {@code service} for the agency {@code madonvi}. */
    ObjectNode call(String service, JsonNode request, String madonvi) {
        return switch (service) {
            case "DongBoHoSoMC" -> batch(request, "hồ sơ", ledger::syncRecord);
            case "CapNhatTienDoHoSoMC" -> batch(request, "tiến độ", ledger::syncProgress);
            case "TraCuuHoSo" -> lookUp(request);
            case "LayDanhSachTTHC" -> result(catalogue.list());
            case "LayThuTuc" -> procedure(request);
            case "LayHoSoMoi" -> result(dossiers.waitingFor(madonvi));
            case "XacNhanHoSo" -> confirm(request);
            default -> HttpJson.answer("02", "Dịch vụ " + service + " không có");
        };
    }

    private static ObjectNode batch(JsonNode request, String what, Function<JsonNode, Ledger.ItemResult> sync) {
        JsonNode data = request.path("data");
        if (!data.isArray() || data.isEmpty() || data.size() > MAX_BATCH) {
            ObjectNode refused = HttpJson.answer("02", "Trường data phải là mảng từ 1 đến " + MAX_BATCH + " phần tử");
            refused.putArray("result");
            return refused;
        }
        ArrayNode results = HttpJson.JSON.createArrayNode();
        int refusedItems = 0;
        for (JsonNode item : data) {
            Ledger.ItemResult result = sync.apply(item);
            refusedItems += result.accepted() ? 0 : 1;
            results.add(result.toJson());
        }
        ObjectNode answer = refusedItems == 0
                ? HttpJson.answer("00", "Đã nhận " + data.size() + " " + what)
                : HttpJson.answer("02", refusedItems + "/" + data.size() + " " + what + " không được chấp nhận");
        answer.set("result", results);
        return answer;
    }

    private ObjectNode lookUp(JsonNode request) {
        String code = request.path("MaHoSo").asText();
        return ledger.lookUp(code)
                .map(PortalServices::result)
                .orElseGet(() -> HttpJson.answer("02", "Không tìm thấy hồ sơ " + code));
    }

    private ObjectNode procedure(JsonNode request) {
        String code = request.path("maTTHC").asText();
        return catalogue
                .find(code)
                .map(PortalServices::result)
                .orElseGet(() -> HttpJson.answer("02", "Không tìm thấy thủ tục hành chính " + code));
    }

    private ObjectNode confirm(JsonNode request) {
        Optional<String> nationalCode = HttpJson.text(request, "MaHoSoQG").filter(t -> !t.isBlank());
        Optional<String> ourCode = HttpJson.text(request, "MaHoSo").filter(t -> !t.isBlank());
        if (nationalCode.isEmpty() || ourCode.isEmpty()) {
            return HttpJson.answer("02", "Thiếu trường bắt buộc " + (nationalCode.isEmpty() ? "MaHoSoQG" : "MaHoSo"));
        }
        return dossiers.confirm(nationalCode.get(), ourCode.get())
                .map(why -> HttpJson.answer("02", why))
                .orElseGet(() ->
                        HttpJson.answer("00", "Đã xác nhận hồ sơ " + nationalCode.get() + " với mã " + ourCode.get()));
    }

    private static ObjectNode result(JsonNode result) {
        ObjectNode answer = HttpJson.answer("00", null);
        answer.set("result", result);
        return answer;
    }
}
