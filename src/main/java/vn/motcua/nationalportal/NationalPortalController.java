package vn.motcua.nationalportal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.Operators;
import vn.motcua.api.UserError;

/**
 * The operators' view of the link with the national portal (group camunda-admin): the sync queue with retry of a
 * parked row, the reconciliation of a period (indicator 1.4) with a re-sync, the portal's dossiers not filed here; and
 * the endpoint the portal pushes its new dossiers to.
 */
@RestController
@RequestMapping("/api/national-portal")
class NationalPortalController {

    private static final int LIMIT = 500;

    private final SyncMapper queue;
    private final PortalSync sync;
    private final InboundDossiers inbound;
    private final CataloguePull catalogue;
    private final NationalPortalSettings settings;
    private final Clock clock;

    NationalPortalController(
            SyncMapper queue,
            PortalSync sync,
            InboundDossiers inbound,
            CataloguePull catalogue,
            NationalPortalSettings settings,
            Clock clock) {
        this.clock = clock;
        this.queue = queue;
        this.sync = sync;
        this.inbound = inbound;
        this.catalogue = catalogue;
        this.settings = settings;
    }

    @GetMapping("/sync")
    @Operation(
            summary =
                    "The sync queue (newest first, at most 500), the count per status and the link's state; operators only")
    Map<String, Object> queue(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String dossier,
            Authentication user) {
        checkOperator(user);
        String wanted =
                status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        String code = dossier == null || dossier.isBlank() ? null : dossier.strip();
        Map<String, Long> counts = new LinkedHashMap<>();
        queue.statusCounts().forEach(c -> counts.put(c.status(), c.n()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("link", sync.state());
        view.put("counts", counts);
        view.put("oldestPending", queue.oldestPending());
        view.put("rows", queue.list(wanted, code, LIMIT));
        return view;
    }

    @PostMapping("/sync/{id}/retry")
    @Operation(
            summary =
                    "Send a parked row again (after the portal's reason was dealt with); its dossier's later rows follow it")
    ResponseEntity<Map<String, Object>> retry(@PathVariable long id, Authentication user) {
        checkOperator(user);
        SyncMapper.Row row = queue.find(id)
                .orElseThrow(() ->
                        UserError.notFound("Không có dòng đồng bộ số " + id + ".", "There is no sync row " + id + "."));
        if (queue.retry(id) == 0) {
            throw UserError.conflict(
                    "Dòng đồng bộ " + id + " đang ở trạng thái " + row.status() + ", không phải PARKED: không gửi lại.",
                    "Sync row " + id + " is " + row.status() + ", not PARKED: it is not sent again.");
        }
        return ResponseEntity.accepted().body(Map.of("id", id, "dossierCode", row.dossierCode(), "status", "PENDING"));
    }

    @GetMapping("/reconciliation")
    @Operation(
            summary =
                    "Dossiers received in from..to (days, inclusive) per agency: known to the link, synced (the portal"
                            + " has their record: indicator 1.4's numerator), up to date; and those not synced or out of date")
    Map<String, Object> reconciliation(
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(required = false) String agency,
            Authentication user) {
        checkOperator(user);
        Period period = period(from, to);
        String unit = agency == null || agency.isBlank() ? null : agency.strip();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("from", period.from());
        view.put("to", period.to());
        view.put("linked", settings.linked());
        view.put("agencies", queue.counts(period.start(), period.end(), unit));
        view.put("notSyncedOrOutOfDate", queue.unsynced(period.start(), period.end(), unit, LIMIT));
        return view;
    }

    @PostMapping("/resync")
    @Operation(
            summary = "Send again the record and every progress item of each dossier received in from..to (days,"
                    + " inclusive), of one agency or all; the portal keeps each once")
    ResponseEntity<Map<String, Object>> resync(
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(required = false) String agency,
            Authentication user) {
        checkOperator(user);
        Period period = period(from, to);
        List<String> codes = queue.codesReceived(
                period.start(), period.end(), agency == null || agency.isBlank() ? null : agency.strip());
        int rows = 0;
        for (String code : codes) {
            queue.forgetRecord(code);
            rows += queue.resendAll(code);
        }
        return ResponseEntity.accepted().body(Map.of("dossiers", codes.size(), "rows", rows));
    }

    @GetMapping("/inbound/refused")
    @Operation(summary = "Dossiers of the national portal that could not be filed here, with the reason")
    Map<String, String> refused(Authentication user) {
        checkOperator(user);
        return inbound.refused();
    }

    @PostMapping("/inbound/{portalCode}/retry")
    @Operation(summary = "Take a refused dossier of the portal again at the next poll")
    ResponseEntity<Map<String, Object>> retryInbound(@PathVariable String portalCode, Authentication user) {
        checkOperator(user);
        if (!inbound.forget(portalCode)) {
            throw UserError.notFound(
                    "Hồ sơ " + portalCode + " của Cổng không nằm trong danh sách bị từ chối.",
                    "The portal's dossier " + portalCode + " is not among the refused ones.");
        }
        return ResponseEntity.accepted().body(Map.of("portalCode", portalCode));
    }

    @GetMapping("/catalogue/differences")
    @Operation(
            summary = "The national catalogue (LayDanhSachTTHC, LayThuTuc) compared with ours, procedure by procedure")
    CataloguePull.Report catalogueDifferences(Authentication user) {
        checkOperator(user);
        if (!settings.linked()) {
            throw notLinked();
        }
        try {
            return catalogue.compare();
        } catch (PortalClient.Unavailable away) {
            throw unavailable(away);
        }
    }

    @PostMapping("/catalogue/import")
    @Operation(
            summary = "Import the national catalogue's version of each changed procedure (and of each new one whose"
                    + " agency has our settings in the body's defaults) as versions in force from effectiveFrom, through"
                    + " the catalogue import: 201 with its report, 422 when it refused (nothing stored), 200 for a dry run"
                    + " or when nothing differs")
    ResponseEntity<CataloguePull.Applied> importCatalogue(
            @RequestParam(required = false) String effectiveFrom,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestBody(required = false) JsonNode body,
            Authentication user) {
        checkOperator(user);
        if (!settings.linked()) {
            throw notLinked();
        }
        LocalDate from = effectiveFrom == null || effectiveFrom.isBlank()
                ? LocalDate.now(clock)
                : period(effectiveFrom, effectiveFrom).from();
        CataloguePull.Applied applied;
        try {
            applied = catalogue.apply(from, dryRun, body == null ? null : body.path("defaults"), user.getName());
        } catch (PortalClient.Unavailable away) {
            throw unavailable(away);
        }
        HttpStatus status = applied.report() == null || dryRun
                ? HttpStatus.OK
                : applied.report().accepted() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_ENTITY;
        return ResponseEntity.status(status).body(applied);
    }

    private static UserError notLinked() {
        return UserError.conflict(
                "Chưa cấu hình kết nối Cổng Dịch vụ công quốc gia (motcua.national-portal.url).",
                "No link with the National Public Service Portal is configured (motcua.national-portal.url).");
    }

    private static UserError unavailable(PortalClient.Unavailable away) {
        return new UserError(
                HttpStatus.BAD_GATEWAY,
                "Cổng Dịch vụ công quốc gia không trả lời: " + away.getMessage(),
                "The National Public Service Portal does not answer: " + away.getMessage());
    }

    /** The portal pushes a dossier filed there (inbound {@code push}); its token authenticates it. */
    @PostMapping("/dossiers")
    @Operation(summary = "A dossier filed on the national portal, pushed by the portal (header X-Portal-Token)")
    ResponseEntity<Map<String, Object>> pushed(
            @RequestHeader(name = "X-Portal-Token", required = false) String token, @RequestBody JsonNode dossier) {
        if (!settings.acceptsPush() || token == null || !same(token, settings.pushToken())) {
            throw new UserError(
                    HttpStatus.UNAUTHORIZED,
                    "Không nhận hồ sơ đẩy sang: sai mã X-Portal-Token hoặc chưa bật nhận hồ sơ đẩy sang.",
                    "Pushed dossier not taken: wrong X-Portal-Token, or pushes are not enabled.");
        }
        InboundDossiers.Outcome outcome = inbound.receive(dossier);
        Map<String, Object> body = new LinkedHashMap<>();
        if (outcome.filed()) {
            body.put("error_code", PortalClient.OK);
            body.put("MaHoSo", outcome.dossierCode());
            body.put("MaHoSoQG", outcome.portalCode());
            return ResponseEntity.ok(body);
        }
        body.put("error_code", "02");
        body.put("MaHoSoQG", outcome.portalCode());
        body.put("message", outcome.vietnamese());
        body.put("message_en", outcome.english());
        return ResponseEntity.unprocessableEntity().body(body);
    }

    private record Period(LocalDate from, LocalDate to) {

        LocalDateTime start() {
            return from.atStartOfDay();
        }

        LocalDateTime end() {
            return to.plusDays(1).atStartOfDay();
        }
    }

    private static Period period(String from, String to) {
        try {
            LocalDate start = LocalDate.parse(from.strip());
            LocalDate end = LocalDate.parse(to.strip());
            if (end.isBefore(start)) {
                throw UserError.badRequest(
                        "Ngày kết thúc (to) " + end + " trước ngày bắt đầu (from) " + start + ".",
                        "The end day (to) " + end + " is before the start day (from) " + start + ".");
            }
            return new Period(start, end);
        } catch (DateTimeParseException wrong) {
            throw UserError.badRequest(
                    "Ngày from/to phải có dạng yyyy-MM-dd, ví dụ 2026-12-01 (đang là " + from + ", " + to + ").",
                    "The days from/to must be yyyy-MM-dd, e.g. 2026-12-01 (they are " + from + ", " + to + ").");
        }
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static void checkOperator(Authentication user) {
        Operators.require(
                user,
                "Chỉ quản trị hệ thống (nhóm camunda-admin) được xem và xử lý việc đồng bộ với Cổng Dịch vụ công quốc gia.",
                "Only operators (group camunda-admin) may see and handle the sync with the national portal.");
    }
}
