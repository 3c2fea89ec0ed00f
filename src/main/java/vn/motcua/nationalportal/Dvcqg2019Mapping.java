package vn.motcua.nationalportal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Attachment;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.NewDossier;
import vn.motcua.dossier.StatusChange;
import vn.motcua.dossier.StoredAttachment;

/**
 * The DVCQG integration as provinces use it since 2019 (domain.md §14, documents.md §4; seen in OpenCPS v2): {@code
 * DongBoHoSoMC} records and {@code CapNhatTienDoHoSoMC} progress, times as {@code yyyyMMddHHmmss} in the
 * installation's zone (Asia/Ho_Chi_Minh), statuses 1–10.
 */
final class Dvcqg2019Mapping implements PortalMapping {

    static final String VERSION = "dvcqg-2019";

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public String recordService() {
        return "DongBoHoSoMC";
    }

    @Override
    public String progressService() {
        return "CapNhatTienDoHoSoMC";
    }

    @Override
    public Map<String, Object> record(PortalFacts.DossierRecord facts) {
        Dossier dossier = facts.dossier();
        Procedure procedure = facts.procedure();
        Applicant applicant = dossier.applicant();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("MaHoSo", facts.portalCode());
        record.put("MaTTHC", procedure.code());
        record.put("TenTTHC", procedure.name());
        record.put("MaLinhVuc", sectorCode(procedure.sector()));
        record.put("TenLinhVuc", procedure.sector());
        record.put("SoBienNhan", dossier.code());
        record.put("ChuHoSo", applicant.name());
        record.put("LoaiDoiTuong", applicant.kind() == Applicant.Kind.ORGANIZATION ? "2" : "1");
        record.put("MaDoiTuong", applicant.idNumber());
        record.put("ThongTinKhac", applicant.address());
        record.put("Email", applicant.email());
        record.put("Fax", null);
        record.put("SoDienThoai", applicant.phone());
        record.put("TrichYeuHoSo", dossier.summary());
        record.put("NgayTiepNhan", time(dossier.receivedAt()));
        record.put("NgayHenTra", time(dossier.dueAt()));
        record.put("NgayTra", time(facts.returnedAt()));
        record.put("NgayKetThucXuLy", time(dossier.finishedAt()));
        record.put("TrangThaiHoSo", dossier.status().code());
        record.put("ThongTinTra", dossier.status().hasResult() ? "Kết quả điện tử có chữ ký số" : null);
        record.put("HinhThuc", channel(dossier.channel()));
        record.put("DonViXuLy", dossier.agencyCode());
        record.put("GhiChu", dossier.statusNote());
        record.put(
                "TaiLieuNop",
                facts.attachments().stream()
                        .filter(a -> "FILING".equals(a.purpose()))
                        .map(Dvcqg2019Mapping::document)
                        .toList());
        record.put("DanhSachLePhi", fees(procedure));
        record.put("DanhSachTepDinhKemKhac", List.of());
        record.put("DanhSachHoSoBoSung", supplements(facts));
        record.put(
                "DanhSachGiayToKetQua",
                facts.results().stream()
                        .map(r -> item(
                                "TenGiayTo",
                                "Văn bản kết quả giải quyết " + procedure.name(),
                                "MaThanhPhanHoSo",
                                "KQ",
                                "GiayToId",
                                r.documentId(),
                                "DuongDanTepTinKetQua",
                                "/api/dossiers/" + dossier.code() + "/result"))
                        .toList());
        return record;
    }

    @Override
    public Map<String, Object> progress(PortalFacts.Progress progress) {
        return item(
                "MaHoSo", progress.portalCode(),
                "NguoiXuLy", progress.actorName(),
                "ChucDanh", progress.title(),
                "ThoiDiemXuLy", time(progress.at()),
                "PhongBanXuLy", progress.departmentName(),
                "NoiDungXuLy", progress.what(),
                "TrangThai", progress.status().code(),
                "NgayBatDau", time(progress.startedAt()),
                "NgayKetThucTheoQuyDinh", time(progress.dueAt()));
    }

    @Override
    public String codeOf(Map<String, Object> item) {
        return (String) item.get("MaHoSo");
    }

    @Override
    public String inboundCode(JsonNode dossier) {
        return text(dossier, "MaHoSoQG");
    }

    @Override
    public PortalFacts.InboundDossier inbound(JsonNode dossier) {
        String code = required(dossier, "MaHoSoQG");
        String kind = text(dossier, "LoaiDoiTuong");
        if (kind != null && !kind.equals("1") && !kind.equals("2")) {
            throw new MappingError(
                    "LoaiDoiTuong phải là 1 (công dân) hoặc 2 (tổ chức): " + kind,
                    "LoaiDoiTuong must be 1 (person) or 2 (organisation): " + kind);
        }
        Applicant applicant = new Applicant(
                "2".equals(kind) ? Applicant.Kind.ORGANIZATION : Applicant.Kind.PERSON,
                required(dossier, "ChuHoSo"),
                text(dossier, "MaDoiTuong"),
                text(dossier, "DiaChi"),
                text(dossier, "SoDienThoai"),
                text(dossier, "Email"));
        Map<String, Object> form = new LinkedHashMap<>();
        dossier.path("DuLieuBieuMau").properties().forEach(field -> form.put(field.getKey(), plain(field.getValue())));
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode file : dossier.path("TaiLieuNop")) {
            byte[] content;
            try {
                content = Base64.getDecoder().decode(file.path("NoiDungTep").asText(""));
            } catch (IllegalArgumentException notBase64) {
                throw new MappingError(
                        "Tệp " + file.path("TenTepDinhKem").asText() + " (NoiDungTep) không phải base64.",
                        "File " + file.path("TenTepDinhKem").asText() + " (NoiDungTep) is not base64.");
            }
            attachments.add(new Attachment(
                    file.path("MaThanhPhanHoSo").asText(null),
                    file.path("TenTepDinhKem").asText(null),
                    file.path("LoaiTep").asText("application/octet-stream"),
                    content));
        }
        return new PortalFacts.InboundDossier(
                code,
                required(dossier, "MaTTHC"),
                text(dossier, "MaDonVi"),
                applicant,
                text(dossier, "TrichYeuHoSo"),
                parse(dossier, "NgayNop"),
                form,
                attachments);
    }

    @Override
    public PortalFacts.NationalProcedure procedure(JsonNode procedure) {
        JsonNode sector = procedure.path("LINHVUCTHUCHIEN").path(0);
        JsonNode agency = procedure.path("COQUANTHUCHIEN").path(0);
        JsonNode time =
                procedure.path("CACHTHUCTHUCHIEN").path(0).path("THOIGIAN").path(0);
        JsonNode fee = time.path("PHILEPHI").path(0);
        List<Procedure.Component> components = new ArrayList<>();
        for (JsonNode part : procedure.path("THANHPHANHOSO")) {
            for (JsonNode paper : part.path("GIAYTO")) {
                components.add(new Procedure.Component(
                        paper.path("MAGIAYTO").asText(), paper.path("TENGIAYTO").asText(), true));
            }
        }
        return new PortalFacts.NationalProcedure(
                procedure.path("MATTHC").asText(),
                procedure.path("TENTTHC").asText(),
                sector.path("TENLINHVUC").asText(null),
                agency.path("MADONVI").asText(null),
                agency.path("TENDONVI").asText(null),
                time.hasNonNull("THOIGIANGIAIQUYET")
                        ? (int) Math.round(time.path("THOIGIANGIAIQUYET").asDouble())
                        : null,
                time.path("DONVITINH").asText(null),
                fee.isMissingNode()
                        ? null
                        : fee.path("MOTA").asText(fee.path("SOTIEN").asText(null)),
                components);
    }

    static String time(LocalDateTime time) {
        return time == null ? null : TIME.format(time);
    }

    private static String channel(NewDossier.Channel channel) {
        return switch (channel) {
            case ONLINE -> "1";
            case POSTAL -> "2";
            default -> "0";
        };
    }

    /** Our catalogue has no sector codes yet (the catalogue issue brings them): the sector's name stands in. */
    private static String sectorCode(String sector) {
        return sector == null ? null : sector.strip();
    }

    private static Map<String, Object> document(StoredAttachment attachment) {
        return item(
                "TepDinhKemId", String.valueOf(attachment.id()),
                "TenTepDinhKem", attachment.fileName(),
                "IsDeleted", false,
                "MaThanhPhanHoSo", attachment.componentCode(),
                "DuongDanTaiTepTin", "sha256:" + attachment.sha256());
    }

    private static List<Map<String, Object>> fees(Procedure procedure) {
        String fee = procedure.fee();
        if (fee == null || fee.isBlank()) {
            return List.of();
        }
        String digits = fee.replaceAll("[^0-9]", "");
        return List.of(item(
                "TenPhiLePhi",
                fee.strip(),
                "MaPhiLePhi",
                procedure.code() + ".LP",
                "HinhThucThu",
                "",
                "Gia",
                digits.isEmpty() ? 0L : Long.parseLong(digits.length() > 15 ? digits.substring(0, 15) : digits),
                "LoaiPhiLePhi",
                "1"));
    }

    /**
     * Each supplement request (status 5) with the day the applicant supplemented (the next change), and each
     * appointment moved by an apology letter, with the appointment before and after.
     */
    private static List<Map<String, Object>> supplements(PortalFacts.DossierRecord facts) {
        List<Map<String, Object>> list = new ArrayList<>();
        List<StatusChange> changes = facts.changes();
        for (int i = 0; i < changes.size(); i++) {
            StatusChange change = changes.get(i);
            if (change.status() != DossierStatus.SUPPLEMENT_REQUESTED) {
                continue;
            }
            StatusChange next = i + 1 < changes.size() ? changes.get(i + 1) : null;
            list.add(item(
                    "HoSoBoSungId",
                    facts.dossier().code() + "-BS" + (list.size() + 1),
                    "NguoiYeuCauBoSung",
                    change.actor(),
                    "NoiDungBoSung",
                    change.note() != null ? change.note() : change.publicText(),
                    "NgayBoSung",
                    time(change.changedAt()),
                    "NguoiTiepNhanBoSung",
                    next == null ? null : next.actor(),
                    "ThongTinTiepNhan",
                    null,
                    "NgayTiepNhanBoSung",
                    next == null ? null : time(next.changedAt()),
                    "TrangThaiBoSung",
                    next == null ? 0 : 1,
                    "DanhSachGiayToBoSung",
                    List.of(),
                    "DanhSachLePhiBoSung",
                    List.of(),
                    "NgayHenTraTruoc",
                    null,
                    "NgayHenTraMoi",
                    null));
        }
        for (PortalFacts.Extension extension : facts.extensions()) {
            list.add(item(
                    "HoSoBoSungId",
                    facts.dossier().code() + "-GH" + (list.size() + 1),
                    "NguoiYeuCauBoSung",
                    extension.by(),
                    "NoiDungBoSung",
                    "Gia hạn thời gian trả kết quả: " + extension.reason(),
                    "NgayBoSung",
                    time(extension.at()),
                    "NguoiTiepNhanBoSung",
                    null,
                    "ThongTinTiepNhan",
                    null,
                    "NgayTiepNhanBoSung",
                    null,
                    "TrangThaiBoSung",
                    1,
                    "DanhSachGiayToBoSung",
                    List.of(),
                    "DanhSachLePhiBoSung",
                    List.of(),
                    "NgayHenTraTruoc",
                    time(extension.before()),
                    "NgayHenTraMoi",
                    time(extension.after())));
        }
        return list;
    }

    private static Map<String, Object> item(Object... pairs) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            item.put((String) pairs[i], pairs[i + 1]);
        }
        return item;
    }

    private static Object plain(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.isNull() ? null : value.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank()
                ? null
                : value.asText().strip();
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new MappingError("Thiếu trường " + field + ".", "The field " + field + " is missing.");
        }
        return value;
    }

    private static LocalDateTime parse(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, TIME);
        } catch (DateTimeParseException wrong) {
            throw new MappingError(
                    "Trường " + field + " sai định dạng yyyyMMddHHmmss: " + value,
                    "The field " + field + " is not yyyyMMddHHmmss: " + value);
        }
    }
}
