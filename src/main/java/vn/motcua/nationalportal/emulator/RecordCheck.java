package vn.motcua.nationalportal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The portal's strict checks of one {@code DongBoHoSoMC} record or one {@code CapNhatTienDoHoSoMC} progress item: the
 * first failure found, as the Vietnamese message that names the field, or empty when the item passes.
 */
final class RecordCheck {

    private static final List<String> RECORD_REQUIRED = List.of(
            "MaHoSo",
            "MaTTHC",
            "TenTTHC",
            "ChuHoSo",
            "LoaiDoiTuong",
            "NgayTiepNhan",
            "NgayHenTra",
            "TrangThaiHoSo",
            "DonViXuLy");
    private static final List<String> RECORD_OPTIONAL = List.of(
            "SoBienNhan",
            "MaLinhVuc",
            "TenLinhVuc",
            "MaDoiTuong",
            "ThongTinKhac",
            "Email",
            "Fax",
            "SoDienThoai",
            "TrichYeuHoSo",
            "NgayTra",
            "NgayKetThucXuLy",
            "ThongTinTra",
            "HinhThuc",
            "GhiChu");
    private static final List<String> RECORD_DATES =
            List.of("NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy");
    private static final List<String> RECORD_ARRAYS = List.of(
            "TaiLieuNop", "DanhSachLePhi", "DanhSachTepDinhKemKhac", "DanhSachHoSoBoSung", "DanhSachGiayToKetQua");
    private static final List<String> PROGRESS_REQUIRED =
            List.of("MaHoSo", "NguoiXuLy", "ThoiDiemXuLy", "NoiDungXuLy", "TrangThai");
    private static final List<String> PROGRESS_OPTIONAL =
            List.of("ChucDanh", "PhongBanXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh");
    private static final List<String> PROGRESS_DATES = List.of("ThoiDiemXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh");
    private static final int MAX_CODE_LENGTH = 50;

    private RecordCheck() {}

    static Optional<String> record(JsonNode item) {
        return first(
                () -> object(item),
                () -> required(item, RECORD_REQUIRED),
                () -> scalars(item, RECORD_OPTIONAL),
                () -> codeLength(item),
                () -> dates(item, RECORD_DATES),
                () -> appointmentAfterReception(item),
                () -> status(item, "TrangThaiHoSo"),
                () -> oneOf(item, "LoaiDoiTuong", Set.of("1", "2"), "1 (cá nhân) hoặc 2 (tổ chức, doanh nghiệp)"),
                () -> oneOf(item, "HinhThuc", Set.of("0", "1", "2"), "0 (trực tiếp), 1 (trực tuyến) hoặc 2 (BCCI)"),
                () -> email(item),
                () -> arrays(item),
                () -> returnedHasReturnDate(item));
    }

    static Optional<String> progress(JsonNode item) {
        return first(
                () -> object(item),
                () -> required(item, PROGRESS_REQUIRED),
                () -> scalars(item, PROGRESS_OPTIONAL),
                () -> dates(item, PROGRESS_DATES),
                () -> status(item, "TrangThai"));
    }

    /** A status written as a JSON integer or as a string of digits; empty when it is neither. */
    static OptionalInt statusOf(JsonNode item, String field) {
        JsonNode value = item.path(field);
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return OptionalInt.of(value.intValue());
        }
        if (value.isTextual() && value.asText().strip().matches("\\d{1,9}")) {
            return OptionalInt.of(Integer.parseInt(value.asText().strip()));
        }
        return OptionalInt.empty();
    }

    @SafeVarargs
    private static Optional<String> first(Supplier<Optional<String>>... checks) {
        return Stream.of(checks).map(Supplier::get).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> object(JsonNode item) {
        return item.isObject() ? Optional.empty() : Optional.of("Phần tử của data không phải đối tượng JSON");
    }

    private static Optional<String> required(JsonNode item, List<String> fields) {
        return fields.stream()
                .filter(field ->
                        HttpJson.text(item, field).filter(t -> !t.isBlank()).isEmpty()
                                && !item.path(field).isContainerNode())
                .findFirst()
                .map(field -> "Thiếu trường bắt buộc " + field)
                .or(() -> scalars(item, fields));
    }

    private static Optional<String> scalars(JsonNode item, List<String> fields) {
        return fields.stream()
                .filter(field -> item.path(field).isContainerNode())
                .findFirst()
                .map(field -> "Trường " + field + " phải là chuỗi hoặc số");
    }

    private static Optional<String> codeLength(JsonNode item) {
        int length = item.path("MaHoSo").asText().length();
        return length > MAX_CODE_LENGTH
                ? Optional.of("Trường MaHoSo dài quá " + MAX_CODE_LENGTH + " ký tự (" + length + " ký tự)")
                : Optional.empty();
    }

    private static Optional<String> dates(JsonNode item, List<String> fields) {
        return fields.stream()
                .flatMap(field -> present(item, field).stream()
                        .filter(text -> PortalTime.parse(text).isEmpty())
                        .map(text -> "Trường " + field + " sai định dạng yyyyMMddHHmmss: " + text))
                .findFirst();
    }

    private static Optional<String> appointmentAfterReception(JsonNode item) {
        String received = item.path("NgayTiepNhan").asText();
        String due = item.path("NgayHenTra").asText();
        return PortalTime.parse(due)
                        .orElseThrow()
                        .isBefore(PortalTime.parse(received).orElseThrow())
                ? Optional.of("Trường NgayHenTra (" + due + ") trước NgayTiepNhan (" + received + ")")
                : Optional.empty();
    }

    private static Optional<String> status(JsonNode item, String field) {
        OptionalInt status = statusOf(item, field);
        return status.isPresent() && status.getAsInt() >= 1 && status.getAsInt() <= 10
                ? Optional.empty()
                : Optional.of("Trường " + field + " phải là số nguyên từ 1 đến 10: "
                        + item.path(field).asText());
    }

    private static Optional<String> oneOf(JsonNode item, String field, Set<String> allowed, String meaning) {
        return present(item, field)
                .filter(value -> !allowed.contains(value))
                .map(value -> "Trường " + field + " phải là " + meaning + ": " + value);
    }

    private static Optional<String> email(JsonNode item) {
        return present(item, "Email")
                .filter(email -> !email.contains("@"))
                .map(email -> "Trường Email không đúng định dạng thư điện tử: " + email);
    }

    private static Optional<String> arrays(JsonNode item) {
        return RECORD_ARRAYS.stream()
                .filter(field -> !item.path(field).isMissingNode()
                        && !item.path(field).isNull()
                        && !item.path(field).isArray())
                .findFirst()
                .map(field -> "Trường " + field + " phải là mảng");
    }

    private static Optional<String> returnedHasReturnDate(JsonNode item) {
        return statusOf(item, "TrangThaiHoSo").orElseThrow() == 10
                        && present(item, "NgayTra").isEmpty()
                ? Optional.of("Trường NgayTra bắt buộc khi TrangThaiHoSo là 10 (Đã trả kết quả)")
                : Optional.empty();
    }

    /** A field's text when it is given and not blank (an optional field sent as "" counts as absent). */
    private static Optional<String> present(JsonNode item, String field) {
        return HttpJson.text(item, field).filter(text -> !text.isBlank());
    }
}
