package vn.motcua.nationalportal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.nationalportal.AdapterCalls.Answer;

/** The national portal emulator, started as a process of its own, against the wire contract of the link. */
class NationalPortalEmulatorTests {

    private static final String CODE = "000.20.43.H43-261203-0001";
    private static final String WARD = "000.20.43.H43";
    private static final Absent REMOVE = Absent.ABSENT;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A field left out of an item. */
    private enum Absent {
        ABSENT
    }

    private static PortalEmulator emulator;
    private static AdapterCalls adapter;

    @BeforeAll
    static void start() {
        emulator = PortalEmulator.named("emulator-tests").start();
        adapter = new AdapterCalls(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    @Test
    void logsInWithTheRightPairForAnAllowedAgency() {
        Answer login = adapter.login(AdapterCalls.CENTRE, "motcua", "motcua-demo");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().path("error_code").asText()).isEqualTo("00");
        assertThat(login.body().path("session").asText()).isNotBlank();
        assertThat(login.body().path("expires_in").asLong()).isEqualTo(3600);
    }

    @Test
    void refusesAWrongPair() {
        Answer login = adapter.login(AdapterCalls.CENTRE, "motcua", "sai-mat-khau");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).isEqualTo(answer("01", "Sai tên đăng nhập hoặc mật khẩu"));
    }

    @Test
    void refusesAnAgencyItDoesNotKnow() {
        String session = adapter.session();

        assertThat(adapter.login("000.00.99.H43", "motcua", "motcua-demo").body())
                .isEqualTo(answer("01", "Mã đơn vị 000.00.99.H43 không được phép"));
        assertThat(adapter.service("000.00.99.H43", session, "LayDanhSachTTHC", Map.of())
                        .body())
                .isEqualTo(answer("01", "Mã đơn vị 000.00.99.H43 không được phép"));
    }

    @Test
    void aServiceNeedsAValidSession() {
        JsonNode invalid = answer("01", "Phiên làm việc không hợp lệ hoặc đã hết hạn");
        String session = adapter.session();

        assertThat(adapter.service(AdapterCalls.CENTRE, null, "LayDanhSachTTHC", Map.of())
                        .body())
                .isEqualTo(invalid);
        assertThat(adapter.service(AdapterCalls.CENTRE, "khong-co", "LayDanhSachTTHC", Map.of())
                        .body())
                .isEqualTo(invalid);
        emulator.expireSessions();
        assertThat(adapter.service(AdapterCalls.CENTRE, session, "LayDanhSachTTHC", Map.of())
                        .body())
                .isEqualTo(invalid);
        assertThat(adapter.service("LayDanhSachTTHC", Map.of())
                        .body()
                        .path("error_code")
                        .asText())
                .isEqualTo("00");
    }

    @Test
    void aRequestThatIsNotJsonOrNamesNoServiceIsABadRequest() {
        assertThat(adapter.raw(
                                "/adapter/service",
                                AdapterCalls.CENTRE,
                                "khong phai JSON".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(400);
        assertThat(adapter.post("/adapter/service", AdapterCalls.CENTRE, Map.of("session", adapter.session()))
                        .status())
                .isEqualTo(400);
        assertThat(adapter.service("KhongCo", Map.of()).body()).isEqualTo(answer("02", "Dịch vụ KhongCo không có"));
    }

    @Test
    void acceptsAValidRecordAndShowsItExactly() {
        Map<String, Object> record = record(CODE);

        Answer sync = sync(record);

        assertThat(sync.body()).isEqualTo(read("""
                {"error_code":"00","message":"Đã nhận 1 hồ sơ",
                 "result":[{"MaHoSo":"%s","error_code":"00","message":"Đã tiếp nhận hồ sơ"}]}
                """.formatted(CODE)));
        JsonNode stored = emulator.record(CODE).orElseThrow();
        assertThat(stored.path("record")).isEqualTo(JSON.valueToTree(record));
        assertThat(stored.path("versions").asInt()).isEqualTo(1);
        assertThat(stored.path("statuses")).isEqualTo(read("[2]"));
        assertThat(Instant.parse(stored.path("acceptedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(emulator.records()).containsExactly(stored);
        JsonNode found = adapter.service("TraCuuHoSo", Map.of("MaHoSo", CODE)).body();
        assertThat(found.path("error_code").asText()).isEqualTo("00");
        Map<String, Object> withProgress = new LinkedHashMap<>(record);
        withProgress.put("TienDo", List.of());
        assertThat(found.path("result")).isEqualTo(JSON.valueToTree(withProgress));
        assertThat(adapter.service("TraCuuHoSo", Map.of("MaHoSo", "khong-co")).body())
                .isEqualTo(answer("02", "Không tìm thấy hồ sơ khong-co"));
    }

    @Test
    void aNewVersionReplacesTheRecordWhateverIsUpdatingSays() {
        sync(record(CODE));
        Map<String, Object> returned = with(with(record(CODE), "TrangThaiHoSo", "10"), "NgayTra", "20261220143000");

        Answer update = adapter.service("DongBoHoSoMC", Map.of("isUpdating", false, "data", List.of(returned)));

        assertThat(update.body().path("result").path(0).path("message").asText())
                .isEqualTo("Đã cập nhật hồ sơ");
        JsonNode stored = emulator.record(CODE).orElseThrow();
        assertThat(stored.path("record")).isEqualTo(JSON.valueToTree(returned));
        assertThat(stored.path("versions").asInt()).isEqualTo(2);
        assertThat(stored.path("statuses")).isEqualTo(read("[2,10]"));
        JsonNode stats = emulator.stats();
        assertThat(stats.path("records").asInt()).isEqualTo(1);
        assertThat(stats.path("recordVersions").asInt()).isEqualTo(2);
        assertThat(stats.path("recordsByAgency")).isEqualTo(read("{\"" + WARD + "\":1}"));
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                bad(
                        "NgayTiepNhan",
                        "2026-12-03T10:00",
                        "Trường NgayTiepNhan sai định dạng yyyyMMddHHmmss: 2026-12-03T10:00"),
                bad(
                        "NgayTiepNhan",
                        "20261332100000",
                        "Trường NgayTiepNhan sai định dạng yyyyMMddHHmmss: 20261332100000"),
                bad("NgayTiepNhan", "202612031000", "Trường NgayTiepNhan sai định dạng yyyyMMddHHmmss: 202612031000"),
                bad("NgayHenTra", "20270230080000", "Trường NgayHenTra sai định dạng yyyyMMddHHmmss: 20270230080000"),
                bad("NgayHenTra", "20261224240000", "Trường NgayHenTra sai định dạng yyyyMMddHHmmss: 20261224240000"),
                bad("NgayTra", "2026-12-20", "Trường NgayTra sai định dạng yyyyMMddHHmmss: 2026-12-20"),
                bad(
                        "NgayHenTra",
                        "20261201080000",
                        "Trường NgayHenTra (20261201080000) trước NgayTiepNhan (20261203100000)"),
                bad("TrangThaiHoSo", 0, "Trường TrangThaiHoSo phải là số nguyên từ 1 đến 10: 0"),
                bad("TrangThaiHoSo", 11, "Trường TrangThaiHoSo phải là số nguyên từ 1 đến 10: 11"),
                bad("TrangThaiHoSo", "4.5", "Trường TrangThaiHoSo phải là số nguyên từ 1 đến 10: 4.5"),
                bad("TrangThaiHoSo", 10, "Trường NgayTra bắt buộc khi TrangThaiHoSo là 10 (Đã trả kết quả)"),
                bad("ChuHoSo", REMOVE, "Thiếu trường bắt buộc ChuHoSo"),
                bad("ChuHoSo", "  ", "Thiếu trường bắt buộc ChuHoSo"),
                bad("ChuHoSo", Map.of("HoTen", "Nguyễn Thị Ánh Tuyết"), "Trường ChuHoSo phải là chuỗi hoặc số"),
                bad("DonViXuLy", REMOVE, "Thiếu trường bắt buộc DonViXuLy"),
                bad("LoaiDoiTuong", "3", "Trường LoaiDoiTuong phải là 1 (cá nhân) hoặc 2 (tổ chức, doanh nghiệp): 3"),
                bad("HinhThuc", "5", "Trường HinhThuc phải là 0 (trực tiếp), 1 (trực tuyến) hoặc 2 (BCCI): 5"),
                bad("Email", "tuyet.example.vn", "Trường Email không đúng định dạng thư điện tử: tuyet.example.vn"),
                bad("MaHoSo", "X".repeat(51), "Trường MaHoSo dài quá 50 ký tự (51 ký tự)"),
                bad("TaiLieuNop", "don.pdf", "Trường TaiLieuNop phải là mảng"),
                bad("DanhSachGiayToKetQua", Map.of(), "Trường DanhSachGiayToKetQua phải là mảng"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badRecords")
    void refusesABadRecordNamingTheField(String field, Object value, String message) {
        Map<String, Object> record = with(record(CODE), field, value);

        Answer sync = sync(record);

        assertThat(sync.body().path("error_code").asText()).isEqualTo("02");
        assertThat(sync.body().path("result").path(0).path("error_code").asText())
                .isEqualTo("02");
        assertThat(sync.body().path("result").path(0).path("message").asText()).isEqualTo(message);
        assertThat(emulator.records()).isEmpty();
        assertThat(emulator.stats().path("refusedItems").asInt()).isEqualTo(1);
    }

    @Test
    void aBatchAnswersEachItemInOrderAndStoresOnlyTheGoodOnes() {
        List<Map<String, Object>> batch = List.of(
                record("000.20.43.H43-261203-0001"),
                with(record("000.20.43.H43-261203-0002"), "TrangThaiHoSo", 0),
                with(record("000.20.43.H43-261203-0003"), "TrangThaiHoSo", "4"));

        Answer sync = adapter.service("DongBoHoSoMC", Map.of("isUpdating", false, "data", batch));

        assertThat(sync.body().path("error_code").asText()).isEqualTo("02");
        assertThat(sync.body().path("message").asText()).isEqualTo("1/3 hồ sơ không được chấp nhận");
        assertThat(sync.body().path("result")).isEqualTo(read("""
                [{"MaHoSo":"000.20.43.H43-261203-0001","error_code":"00","message":"Đã tiếp nhận hồ sơ"},
                 {"MaHoSo":"000.20.43.H43-261203-0002","error_code":"02",
                  "message":"Trường TrangThaiHoSo phải là số nguyên từ 1 đến 10: 0"},
                 {"MaHoSo":"000.20.43.H43-261203-0003","error_code":"00","message":"Đã tiếp nhận hồ sơ"}]
                """));
        assertThat(codes(emulator.records(), "record"))
                .containsExactly("000.20.43.H43-261203-0001", "000.20.43.H43-261203-0003");
        assertThat(emulator.record("000.20.43.H43-261203-0003").orElseThrow().path("statuses"))
                .isEqualTo(read("[4]"));
    }

    @Test
    void aBatchHasOneToTwoHundredItems() {
        JsonNode refused = read("""
                {"error_code":"02","message":"Trường data phải là mảng từ 1 đến 200 phần tử","result":[]}""");
        List<Map<String, Object>> tooMany = IntStream.rangeClosed(1, 201)
                .mapToObj(i -> record(String.format("000.20.43.H43-261203-%04d", i)))
                .toList();

        assertThat(adapter.service("DongBoHoSoMC", Map.of("data", List.of())).body())
                .isEqualTo(refused);
        assertThat(adapter.service("DongBoHoSoMC", Map.of("data", tooMany)).body())
                .isEqualTo(refused);
        assertThat(adapter.service("CapNhatTienDoHoSoMC", Map.of("data", "x")).body())
                .isEqualTo(refused);
        assertThat(emulator.records()).isEmpty();
    }

    @Test
    void refusesProgressBeforeTheRecord() {
        Answer sync = progress(progressItem(CODE, "20261203103000", "Tiếp nhận hồ sơ"));

        assertThat(sync.body().path("result").path(0))
                .isEqualTo(JSON.valueToTree(Map.of(
                        "MaHoSo",
                        CODE,
                        "error_code",
                        "02",
                        "message",
                        "Hồ sơ " + CODE + " chưa được đồng bộ (DongBoHoSoMC) trước tiến độ")));
        assertThat(emulator.progress()).isEmpty();
    }

    @Test
    void acceptsADuplicateProgressItemButStoresItOnce() {
        sync(record(CODE));
        Map<String, Object> received = progressItem(CODE, "20261203103000", "Tiếp nhận hồ sơ");
        Map<String, Object> sameWithStatusAsText = with(received, "TrangThai", "4");
        Map<String, Object> next = progressItem(CODE, "20261204090000", "Thẩm định hồ sơ");

        Answer first = progress(received, next);
        Answer again = progress(sameWithStatusAsText);

        assertThat(first.body().path("error_code").asText()).isEqualTo("00");
        assertThat(first.body().path("message").asText()).isEqualTo("Đã nhận 2 tiến độ");
        assertThat(again.body().path("result").path(0)).isEqualTo(read("""
                        {"MaHoSo":"%s","error_code":"00","message":"Tiến độ đã có, không lưu lại"}""".formatted(CODE)));
        assertThat(emulator.progress(CODE)).containsExactly(JSON.valueToTree(received), JSON.valueToTree(next));
        assertThat(emulator.stats().path("duplicates").asInt()).isEqualTo(1);
        assertThat(emulator.stats().path("progress").asInt()).isEqualTo(2);
        assertThat(adapter.service("TraCuuHoSo", Map.of("MaHoSo", CODE))
                        .body()
                        .path("result")
                        .path("TienDo"))
                .isEqualTo(emulator.progress(CODE));
    }

    static Stream<Arguments> badProgress() {
        return Stream.of(
                bad(
                        "ThoiDiemXuLy",
                        "2026-12-03 10:30:00",
                        "Trường ThoiDiemXuLy sai định dạng yyyyMMddHHmmss: 2026-12-03 10:30:00"),
                bad(
                        "NgayKetThucTheoQuyDinh",
                        "20261231",
                        "Trường NgayKetThucTheoQuyDinh sai định dạng yyyyMMddHHmmss: 20261231"),
                bad("TrangThai", 0, "Trường TrangThai phải là số nguyên từ 1 đến 10: 0"),
                bad("TrangThai", 11, "Trường TrangThai phải là số nguyên từ 1 đến 10: 11"),
                bad("NguoiXuLy", REMOVE, "Thiếu trường bắt buộc NguoiXuLy"),
                bad("NoiDungXuLy", "", "Thiếu trường bắt buộc NoiDungXuLy"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badProgress")
    void refusesABadProgressItemNamingTheField(String field, Object value, String message) {
        sync(record(CODE));

        Answer sync = progress(with(progressItem(CODE, "20261203103000", "Tiếp nhận hồ sơ"), field, value));

        assertThat(sync.body().path("result").path(0).path("error_code").asText())
                .isEqualTo("02");
        assertThat(sync.body().path("result").path(0).path("message").asText()).isEqualTo(message);
        assertThat(emulator.progress()).isEmpty();
    }

    @Test
    void whileDownEveryAdapterCallIsUnavailableAndCounted() {
        String session = adapter.session();

        assertThat(emulator.mode(true, 0)).isEqualTo(read("{\"down\":true,\"delayMs\":0}"));
        Answer login = adapter.login(AdapterCalls.CENTRE, "motcua", "motcua-demo");
        Answer sync =
                adapter.service(AdapterCalls.CENTRE, session, "DongBoHoSoMC", Map.of("data", List.of(record(CODE))));

        assertThat(login.status()).isEqualTo(503);
        assertThat(login.body()).isEqualTo(answer("99", "Hệ thống đang bảo trì"));
        assertThat(sync.status()).isEqualTo(503);
        assertThat(emulator.stats().path("unavailableAnswers").asInt()).isEqualTo(2);
        assertThat(emulator.records()).isEmpty();
        emulator.mode(false, 0);
        assertThat(sync(record(CODE)).status()).isEqualTo(200);
        assertThat(emulator.stats().path("calls").path("DongBoHoSoMC").asInt()).isEqualTo(1);
    }

    @Test
    void aDelayHoldsEveryAdapterAnswer() {
        emulator.mode(false, 400);

        Instant before = Instant.now();
        Answer login = adapter.login(AdapterCalls.CENTRE, "motcua", "motcua-demo");

        assertThat(Duration.between(before, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(login.body().path("error_code").asText()).isEqualTo("00");
        assertThat(emulator.stats().path("calls").path("login").asInt()).isEqualTo(1);
    }

    @Test
    void aRefusedDossierIsRefusedUntilCleared() {
        sync(record(CODE));
        emulator.refuse(CODE, "Hồ sơ đang được đối soát, đề nghị gửi lại sau");

        Answer record = sync(with(record(CODE), "TrangThaiHoSo", 4));
        Answer progress = progress(progressItem(CODE, "20261203103000", "Tiếp nhận hồ sơ"));

        assertThat(record.body().path("result").path(0)).isEqualTo(read("""
                        {"MaHoSo":"%s","error_code":"02","message":"Hồ sơ đang được đối soát, đề nghị gửi lại sau"}""".formatted(CODE)));
        assertThat(progress.body().path("result").path(0).path("message").asText())
                .isEqualTo("Hồ sơ đang được đối soát, đề nghị gửi lại sau");
        emulator.clearRefusal(CODE);
        assertThat(sync(with(record(CODE), "TrangThaiHoSo", 4))
                        .body()
                        .path("error_code")
                        .asText())
                .isEqualTo("00");
        assertThat(emulator.record(CODE).orElseThrow().path("statuses")).isEqualTo(read("[2,4]"));
        assertThat(emulator.stats().path("refusedItems").asInt()).isEqualTo(2);
    }

    @Test
    void listsEveryProcedureOfOurCatalogueWithItsNameAndOneMore() throws IOException {
        JsonNode list = adapter.service("LayDanhSachTTHC", Map.of()).body();

        Map<String, String> names = new LinkedHashMap<>();
        list.path("result")
                .forEach(p ->
                        names.put(p.path("MATTHC").asText(), p.path("TENTTHC").asText()));
        assertThat(list.path("error_code").asText()).isEqualTo("00");
        assertThat(names).containsAllEntriesOf(demoCatalogue());
        assertThat(names)
                .containsEntry("2.000635.H43", "Cấp bản sao trích lục hộ tịch")
                .containsEntry(
                        "1.001193.H43",
                        "Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế"
                                + " cho trẻ em dưới 6 tuổi")
                .containsEntry("1.000656.H43", "Đăng ký khai tử")
                .hasSize(demoCatalogue().size() + 1);
        assertThat(list.path("result").path(0)).isEqualTo(read("""
                        {"MATTHC":"1.009994.H43","TENTTHC":"Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
                         "MALINHVUC":"XAYDUNG-HDXD","TENLINHVUC":"Hoạt động xây dựng","MACOQUAN":"000.20.43.H43"}"""));
    }

    @Test
    void givesAProcedureWithTheFieldsOfTheNationalCatalogue() {
        JsonNode procedure = adapter.service("LayThuTuc", Map.of("maTTHC", "1.009994.H43"))
                .body()
                .path("result");

        assertThat(procedure.path("TENTTHC").asText()).isEqualTo("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ");
        assertThat(procedure.path("LINHVUCTHUCHIEN").path(0).path("TENLINHVUC").asText())
                .isEqualTo("Hoạt động xây dựng");
        assertThat(procedure.path("COQUANTHUCHIEN").path(0))
                .isEqualTo(read("{\"MADONVI\":\"000.20.43.H43\",\"TENDONVI\":\"Ủy ban nhân dân phường Phan Rang\"}"));
        JsonNode time =
                procedure.path("CACHTHUCTHUCHIEN").path(0).path("THOIGIAN").path(0);
        assertThat(time.path("THOIGIANGIAIQUYET").asInt()).isEqualTo(15);
        assertThat(time.path("DONVITINH").asText()).isEqualTo("Ngày làm việc");
        assertThat(time.path("PHILEPHI").path(0).path("MOTA").asText()).isEqualTo("Lệ phí 75.000 đồng/giấy phép");
        assertThat(time.path("PHILEPHI").path(0).path("SOTIEN").asText()).isEqualTo("75000");
        assertThat(codes(procedure.path("THANHPHANHOSO").path(0).path("GIAYTO"), "MAGIAYTO"))
                .containsExactly("DON", "QSDD", "BANVE", "CAMKET");
        assertThat(procedure
                        .path("THANHPHANHOSO")
                        .path(0)
                        .path("GIAYTO")
                        .path(1)
                        .path("TENGIAYTO")
                        .asText())
                .isEqualTo("Bản sao giấy tờ chứng minh quyền sử dụng đất");
        assertThat(procedure.path("YEUCAU").isTextual()).isTrue();
        assertThat(procedure.path("MOTADOITUONGTHUCHIEN").asText()).isNotBlank();
        assertThat(procedure.path("KETQUATHUCHIEN").path(0).path("TENKETQUA").asText())
                .isEqualTo("Giấy phép xây dựng");
        assertThat(procedure.path("CANCUPHAPLY").path(0).path("SOVANBAN").asText())
                .isEqualTo("50/2014/QH13");
        assertThat(adapter.service("LayThuTuc", Map.of("maTTHC", "9.999999")).body())
                .isEqualTo(answer("02", "Không tìm thấy thủ tục hành chính 9.999999"));
    }

    @Test
    void servesACatalogueGivenByTheControlApi() throws IOException {
        String original;
        try (InputStream in = getClass().getResourceAsStream("/nationalportal/emulator-catalogue.json")) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            emulator.catalogue("""
                    [{"MATTHC":"1.000894.H43","TENTTHC":"Đăng ký kết hôn",
                      "LINHVUCTHUCHIEN":[{"MALINHVUC":"TUPHAP-HOTICH","TENLINHVUC":"Hộ tịch"}],
                      "COQUANTHUCHIEN":[{"MADONVI":"000.20.43.H43","TENDONVI":"Ủy ban nhân dân phường Phan Rang"}]}]""");

            assertThat(adapter.service("LayDanhSachTTHC", Map.of()).body().path("result"))
                    .isEqualTo(read("""
                            [{"MATTHC":"1.000894.H43","TENTTHC":"Đăng ký kết hôn","MALINHVUC":"TUPHAP-HOTICH",
                              "TENLINHVUC":"Hộ tịch","MACOQUAN":"000.20.43.H43"}]"""));
        } finally {
            emulator.catalogue(original);
        }
    }

    @Test
    void aDossierFiledOnThePortalWaitsUntilConfirmed() {
        String first = emulator.fileDossier(dossier(WARD, "Lê Văn Cường"))
                .path("MaHoSoQG")
                .asText();
        String second = emulator.fileDossier(dossier(WARD, "Phạm Thị Dung"))
                .path("MaHoSoQG")
                .asText();
        emulator.fileDossier(dossier("000.00.12.H43", "Công ty TNHH Xây dựng Phan Rang"));

        JsonNode waiting =
                adapter.service(WARD, session(), "LayHoSoMoi", Map.of()).body();

        assertThat(first).matches("QG-\\d{6}-\\d{6}");
        assertThat(codes(waiting.path("result"), "MaHoSoQG")).containsExactly(first, second);
        assertThat(confirm(first, "000.20.43.H43-261203-0007")).isEqualTo("00");
        assertThat(confirm(first, "000.20.43.H43-261203-0007")).isEqualTo("00");
        assertThat(adapter.service(WARD, session(), "XacNhanHoSo", Map.of("MaHoSoQG", first, "MaHoSo", "khac"))
                        .body())
                .isEqualTo(answer("02", "Hồ sơ " + first + " đã được xác nhận với mã 000.20.43.H43-261203-0007"));
        assertThat(confirm("QG-000000-000000", "x")).isEqualTo("02");
        assertThat(codes(
                        adapter.service(WARD, session(), "LayHoSoMoi", Map.of())
                                .body()
                                .path("result"),
                        "MaHoSoQG"))
                .containsExactly(second);
        assertThat(emulator.dossiers().path(0).path("confirmedAs").asText()).isEqualTo("000.20.43.H43-261203-0007");
        assertThat(emulator.dossiers().path(1).path("confirmedAs").isNull()).isTrue();
    }

    @Test
    void pushesAFiledDossierAndAnOkAnswerConfirmsIt() throws IOException {
        AtomicBoolean provinceUp = new AtomicBoolean(true);
        List<JsonNode> pushed = new CopyOnWriteArrayList<>();
        List<String> tokens = new CopyOnWriteArrayList<>();
        HttpServer province = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        province.createContext("/portal-inbound", exchange -> {
            try (exchange) {
                pushed.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
                tokens.add(exchange.getRequestHeaders().getFirst("X-Portal-Token"));
                byte[] answer = provinceUp.get()
                        ? "{\"error_code\":\"00\",\"MaHoSo\":\"000.20.43.H43-261203-0009\"}"
                                .getBytes(StandardCharsets.UTF_8)
                        : "lỗi máy chủ".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(provinceUp.get() ? 200 : 500, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        province.start();
        URI pushUrl = URI.create("http://127.0.0.1:" + province.getAddress().getPort() + "/portal-inbound");
        try (PortalEmulator pushing = PortalEmulator.named("emulator-push")
                .pushUrl(pushUrl)
                .pushToken("ma-bi-mat")
                .start()) {
            AdapterCalls calls = new AdapterCalls(pushing);
            JsonNode taken = pushing.fileDossier(dossier(WARD, "Lê Văn Cường"));
            provinceUp.set(false);
            JsonNode left = pushing.fileDossier(dossier(WARD, "Phạm Thị Dung"));

            assertThat(pushed).containsExactly(taken, left);
            assertThat(tokens).containsOnly("ma-bi-mat");
            assertThat(pushing.dossiers().path(0).path("confirmedAs").asText()).isEqualTo("000.20.43.H43-261203-0009");
            assertThat(pushing.dossiers().path(1).path("confirmedAs").isNull()).isTrue();
            String session = calls.session();
            assertThat(calls.service(WARD, session, "LayHoSoMoi", Map.of())
                            .body()
                            .path("result"))
                    .containsExactly(left);
        } finally {
            province.stop(0);
        }
    }

    @Test
    void vietnameseTextRoundTripsExactly() {
        String owner = "Nguyễn Thị Ánh Tuyết — ấp Phước Thiện, xã Phước Hữu";
        String summary = "Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ (ủy quyền: Trần Đức Hưng)";
        sync(with(with(record(CODE), "ChuHoSo", owner), "TrichYeuHoSo", summary));
        Map<String, Object> filed = dossier(WARD, owner);
        filed.put("DuLieuBieuMau", Map.of("diaChiCongTrinh", "Số 12 đường Thống Nhất, phường Phan Rang"));

        emulator.fileDossier(filed);

        Answer found = adapter.service("TraCuuHoSo", Map.of("MaHoSo", CODE));

        assertThat(found.text()).contains(owner, summary);
        assertThat(found.body().path("result").path("ChuHoSo").asText()).isEqualTo(owner);
        assertThat(emulator.record(CODE)
                        .orElseThrow()
                        .path("record")
                        .path("TrichYeuHoSo")
                        .asText())
                .isEqualTo(summary);
        JsonNode inbound = adapter.service(WARD, session(), "LayHoSoMoi", Map.of())
                .body()
                .path("result")
                .path(0);
        assertThat(inbound.path("ChuHoSo").asText()).isEqualTo(owner);
        assertThat(inbound.path("DuLieuBieuMau").path("diaChiCongTrinh").asText())
                .isEqualTo("Số 12 đường Thống Nhất, phường Phan Rang");
    }

    @Test
    void resetEmptiesEverythingAndRestoresTheNormalMode() {
        sync(record(CODE));
        emulator.fileDossier(dossier(WARD, "Lê Văn Cường"));
        emulator.refuse("000.20.43.H43-261203-0002", "Từ chối");
        emulator.mode(true, 100);

        emulator.reset();

        assertThat(emulator.records()).isEmpty();
        assertThat(emulator.dossiers()).isEmpty();
        assertThat(emulator.stats()).isEqualTo(read("""
                {"records":0,"recordVersions":0,"progress":0,"duplicates":0,"refusedItems":0,
                 "recordsByAgency":{},"calls":{},"unavailableAnswers":0}"""));
        assertThat(emulator.mode(false, 0)).isEqualTo(read("{\"down\":false,\"delayMs\":0}"));
        assertThat(sync(record("000.20.43.H43-261203-0002"))
                        .body()
                        .path("error_code")
                        .asText())
                .isEqualTo("00");
    }

    @Test
    void takesItsOwnUserAgenciesAndSessionTime() throws InterruptedException {
        try (PortalEmulator own = PortalEmulator.named("emulator-settings")
                .username("lienthong")
                .password("mat-khau-lien-thong")
                .agencies("H43.1", "H43.2")
                .sessionTtl(Duration.ofSeconds(1))
                .start()) {
            AdapterCalls calls = new AdapterCalls(own);

            assertThat(calls.login("H43.1", "motcua", "motcua-demo")
                            .body()
                            .path("error_code")
                            .asText())
                    .isEqualTo("01");
            assertThat(calls.login(AdapterCalls.CENTRE, "lienthong", "mat-khau-lien-thong")
                            .body())
                    .isEqualTo(answer("01", "Mã đơn vị " + AdapterCalls.CENTRE + " không được phép"));
            JsonNode login =
                    calls.login("H43.2", "lienthong", "mat-khau-lien-thong").body();
            assertThat(login.path("expires_in").asLong()).isEqualTo(1);
            String session = login.path("session").asText();
            assertThat(calls.service("H43.2", session, "LayDanhSachTTHC", Map.of())
                            .body()
                            .path("error_code")
                            .asText())
                    .isEqualTo("00");
            Thread.sleep(1500);
            assertThat(calls.service("H43.2", session, "LayDanhSachTTHC", Map.of())
                            .body())
                    .isEqualTo(answer("01", "Phiên làm việc không hợp lệ hoặc đã hết hạn"));
        }
    }

    @Test
    void restartsOnTheSamePortWithAnEmptyMemory() {
        try (PortalEmulator restarted = PortalEmulator.named("emulator-restart").start()) {
            AdapterCalls calls = new AdapterCalls(restarted);
            URI url = restarted.url();
            calls.service("DongBoHoSoMC", Map.of("data", List.of(record(CODE))));

            restarted.stop();
            restarted.start();
            assertThat(restarted.url()).isEqualTo(url);
            assertThat(restarted.records()).isEmpty();
            restarted.kill9();
            assertThat(restarted.isAlive()).isFalse();
            restarted.start();

            assertThat(restarted.url()).isEqualTo(url);
            assertThat(calls.login(AdapterCalls.CENTRE, "motcua", "motcua-demo")
                            .body()
                            .path("error_code")
                            .asText())
                    .isEqualTo("00");
        }
    }

    private static Arguments bad(String field, Object value, String message) {
        return Arguments.of(field, value, message);
    }

    private static Answer sync(Map<String, Object> record) {
        return adapter.service("DongBoHoSoMC", Map.of("isUpdating", false, "data", List.of(record)));
    }

    @SafeVarargs
    private static Answer progress(Map<String, Object>... items) {
        return adapter.service("CapNhatTienDoHoSoMC", Map.of("data", List.of(items)));
    }

    private static String session() {
        return adapter.session();
    }

    private static String confirm(String nationalCode, String ourCode) {
        return adapter.service(WARD, session(), "XacNhanHoSo", Map.of("MaHoSoQG", nationalCode, "MaHoSo", ourCode))
                .body()
                .path("error_code")
                .asText();
    }

    static Map<String, Object> record(String code) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("MaHoSo", code);
        record.put("SoBienNhan", code);
        record.put("MaTTHC", "1.009994.H43");
        record.put("TenTTHC", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ");
        record.put("MaLinhVuc", "XAYDUNG-HDXD");
        record.put("TenLinhVuc", "Hoạt động xây dựng");
        record.put("ChuHoSo", "Nguyễn Thị Ánh Tuyết");
        record.put("LoaiDoiTuong", "1");
        record.put("MaDoiTuong", "058190000123");
        record.put("Email", "tuyet.nguyen@example.vn");
        record.put("SoDienThoai", "0912345678");
        record.put("TrichYeuHoSo", "Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ tại phường Phan Rang");
        record.put("NgayTiepNhan", "20261203100000");
        record.put("NgayHenTra", "20261224100000");
        record.put("TrangThaiHoSo", 2);
        record.put("HinhThuc", "1");
        record.put("DonViXuLy", WARD);
        record.put(
                "TaiLieuNop",
                List.of(Map.of(
                        "TepDinhKemId", "1",
                        "TenTepDinhKem", "Đơn đề nghị cấp giấy phép xây dựng.pdf",
                        "IsDeleted", false,
                        "MaThanhPhanHoSo", "DON",
                        "DuongDanTaiTepTin", "https://motcua.example.vn/tep/1")));
        record.put(
                "DanhSachLePhi",
                List.of(Map.of(
                        "TenPhiLePhi", "Lệ phí cấp giấy phép xây dựng",
                        "MaPhiLePhi", "LPXD",
                        "HinhThucThu", "1",
                        "Gia", 75000,
                        "LoaiPhiLePhi", "2")));
        return record;
    }

    static Map<String, Object> progressItem(String code, String at, String content) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("MaHoSo", code);
        item.put("NguoiXuLy", "Trần Văn Bình");
        item.put("ChucDanh", "Chuyên viên");
        item.put("ThoiDiemXuLy", at);
        item.put("PhongBanXuLy", "Bộ phận Một cửa");
        item.put("NoiDungXuLy", content);
        item.put("TrangThai", 4);
        item.put("NgayBatDau", at);
        item.put("NgayKetThucTheoQuyDinh", "20261224100000");
        return item;
    }

    static Map<String, Object> dossier(String agency, String owner) {
        Map<String, Object> dossier = new LinkedHashMap<>();
        dossier.put("MaTTHC", "1.009994.H43");
        dossier.put("MaDonVi", agency);
        dossier.put("ChuHoSo", owner);
        dossier.put("LoaiDoiTuong", "1");
        dossier.put("MaDoiTuong", "058190000456");
        dossier.put("DiaChi", "Số 12 đường Thống Nhất, phường Phan Rang");
        dossier.put("SoDienThoai", "0987654321");
        dossier.put("Email", "cuong.le@example.vn");
        dossier.put("TrichYeuHoSo", "Xin cấp giấy phép xây dựng nhà ở riêng lẻ");
        dossier.put("NgayNop", "20261203081500");
        dossier.put("DuLieuBieuMau", Map.of("dienTichXayDung", "120"));
        dossier.put(
                "TaiLieuNop",
                List.of(Map.of(
                        "TepDinhKemId", "tep-1",
                        "TenTepDinhKem", "don-de-nghi.pdf",
                        "MaThanhPhanHoSo", "DON",
                        "LoaiTep", "application/pdf",
                        "NoiDungTep", "JVBERi0xLjQK")));
        return dossier;
    }

    private static Map<String, Object> with(Map<String, Object> item, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(item);
        if (value == REMOVE) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    private static JsonNode answer(String errorCode, String message) {
        return JSON.createObjectNode().put("error_code", errorCode).put("message", message);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> codes(JsonNode list, String field) {
        List<String> codes = new ArrayList<>();
        list.forEach(item -> codes.add(
                field.equals("record")
                        ? item.path("record").path("MaHoSo").asText()
                        : item.path(field).asText()));
        return codes;
    }

    /** Code and name of every procedure of the demo catalogue's import file (db/demo/catalogue.json). */
    private static Map<String, String> demoCatalogue() throws IOException {
        Map<String, String> procedures = new LinkedHashMap<>();
        new ObjectMapper()
                .readTree(Path.of("src/main/resources/db/demo/catalogue.json").toFile())
                .path("procedures")
                .forEach(p ->
                        procedures.put(p.path("code").asText(), p.path("name").asText()));
        assertThat(procedures).hasSizeGreaterThanOrEqualTo(7);
        return procedures;
    }
}
