package vn.motcua.tracking;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.UserError;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantSecret;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierCode;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.PublicRecord;
import vn.motcua.dossier.PublicRecords;
import vn.motcua.dossier.Timeline;
import vn.motcua.sla.Clocks;
import vn.motcua.sla.Timeliness;

@RestController
class TrackingController {

    private final Dossiers dossiers;
    private final PublicRecords records;
    private final Procedures procedures;
    private final IdentityService identity;
    private final Clocks clocks;
    private final LookupLimits limits;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;

    /** Department (group) display names and procedure headings: read on every lookup, changed almost never. */
    private final TtlCache<String, String> departmentNames =
            new TtlCache<>(Duration.ofMinutes(1), 1000, Clock.systemUTC());

    private final TtlCache<String, Procedure.Heading> procedureHeadings =
            new TtlCache<>(Duration.ofMinutes(1), 1000, Clock.systemUTC());

    TrackingController(
            Dossiers dossiers,
            PublicRecords records,
            Procedures procedures,
            IdentityService identity,
            Clocks clocks,
            LookupLimits limits,
            RuntimeService runtime,
            HistoryService history,
            RepositoryService repository) {
        this.dossiers = dossiers;
        this.records = records;
        this.procedures = procedures;
        this.identity = identity;
        this.clocks = clocks;
        this.limits = limits;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
    }

    @GetMapping("/api/tracking/{code}")
    @Operation(
            summary = "Track a dossier by its code (public, no login, no personal data)",
            description = "Without the secret: statuses, steps, departments and times only. With the secret of the"
                    + " receipt slip in the X-Motcua-Secret header (or logged in as the one who filed it), also the"
                    + " applicant's details and the reasons given to the applicant (refusal, supplement request,"
                    + " apology). A ?secret= query parameter is refused (400). Too many unknown codes or wrong"
                    + " secrets answer 429.")
    Tracking track(
            @PathVariable("code") String typed,
            @RequestHeader(name = ApplicantSecret.HEADER, required = false) String header,
            Principal user,
            HttpServletRequest request) {
        ApplicantSecret.refuseInQuery(request.getQueryString());
        String code = DossierCode.normalise(typed);
        String secret = ApplicantSecret.of(header, null);
        limits.check(request.getRemoteAddr());
        if (secret == null) {
            // without the secret, the public record on the dossier's row is all there is to read (issue 17)
            PublicRecord record = records.find(code).orElseThrow(() -> unknown(code, request));
            if (user == null || !user.getName().equals(record.filedBy())) {
                return view(
                        record,
                        record.extendedDueAt(),
                        null,
                        record.nearDeadline(),
                        record.timeline() != null ? record.timeline() : dossiers.timeline(code),
                        false,
                        null);
            }
        }
        Dossier dossier = dossiers.find(code).orElseThrow(() -> unknown(code, request));
        if (secret != null && !dossiers.secretMatches(code, secret)) {
            limits.miss(request.getRemoteAddr());
            throw new UserError(
                    HttpStatus.FORBIDDEN,
                    "Mã bí mật không đúng. Vui lòng dùng mã bí mật in trên giấy tiếp nhận hồ sơ.",
                    "The secret is wrong: use the one printed on the receipt slip.");
        }
        // the applicant (the secret, or logged in as the one who filed it): the tables, with the reasons and details
        Optional<Clocks.DossierClock> clock = clocks.dossierClock(code);
        return view(
                new PublicRecord(
                        dossier.code(),
                        dossier.status(),
                        dossier.procedureCode(),
                        dossier.applicant().name(),
                        dossier.filedBy(),
                        dossier.receivedAt(),
                        dossier.dueAt(),
                        null,
                        dossier.finishedAt(),
                        dossier.currentStep(),
                        false,
                        null),
                clock.map(Clocks.DossierClock::extendedDueAt).orElse(null),
                clock.map(Clocks.DossierClock::apologyReason).orElse(null),
                clock.map(Clocks.DossierClock::warned).orElse(false),
                dossiers.timeline(code),
                true,
                dossier.applicant());
    }

    private Tracking view(
            PublicRecord dossier,
            LocalDateTime extendedDueAt,
            String apologyReason,
            boolean nearDeadline,
            Timeline timeline,
            boolean personal,
            Applicant applicant) {
        Procedure.Heading procedure = procedureHeadings.get(
                dossier.procedureCode(), c -> procedures.heading(c).orElse(null));
        if (procedure == null) {
            throw new NoSuchElementException("No procedure " + dossier.procedureCode());
        }
        Timeliness.At now = clocks.timelinessNow();
        return new Tracking(
                dossier.code(),
                dossier.status().code(),
                dossier.status().label(),
                procedure.code(),
                procedure.name(),
                procedure.agencyCode(),
                procedure.agencyName(),
                Applicant.masked(dossier.applicantName()),
                dossier.receivedAt(),
                dossier.dueAt(),
                extendedDueAt,
                apologyReason,
                dossier.finishedAt(),
                timeliness(now, dossier.status(), dossier.dueAt(), dossier.finishedAt()),
                nearDeadline,
                dossier.currentStep(),
                timeline(timeline, personal, now),
                applicant);
    }

    @GetMapping("/api/tracking/{code}/diagram")
    @Operation(summary = "The procedure's diagram (BPMN XML) with the elements where the dossier is now")
    Diagram diagram(@PathVariable("code") String typed, HttpServletRequest request) {
        String code = DossierCode.normalise(typed);
        lookUp(code, request);
        HistoricProcessInstance process = history
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(code)
                .orderByProcessInstanceStartTime()
                .asc()
                .listPage(0, 1)
                .stream()
                .findFirst()
                .orElseThrow(() -> UserError.notFound(
                        "Hồ sơ " + code + " chưa có quy trình xử lý.", "Dossier " + code + " has no process."));
        List<String> current = process.getEndTime() == null
                ? runtime.getActiveActivityIds(process.getId())
                : process.getEndActivityId() == null ? List.of() : List.of(process.getEndActivityId());
        try (InputStream model = repository.getProcessModel(process.getProcessDefinitionId())) {
            return new Diagram(new String(model.readAllBytes(), StandardCharsets.UTF_8), current);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Dossier lookUp(String code, HttpServletRequest request) {
        limits.check(request.getRemoteAddr());
        return dossiers.find(code).orElseThrow(() -> unknown(code, request));
    }

    private UserError unknown(String code, HttpServletRequest request) {
        limits.miss(request.getRemoteAddr());
        return UserError.notFound(
                "Không tìm thấy hồ sơ có mã " + code + ". Vui lòng kiểm tra lại mã trên giấy tiếp nhận.",
                "No dossier has the code " + code + ". Please check the code on the receipt slip.");
    }

    /**
     * Officials' free text is never public: a status change's reason (a refusal's, a supplement request's, a
     * withdrawal's) is shown only to the applicant ({@code personal}); steps carry no note at all.
     */
    private List<Tracking.Event> timeline(Timeline timeline, boolean personal, Timeliness.At now) {
        List<Tracking.Event> events = new ArrayList<>();
        timeline.statusChanges()
                .forEach(change -> events.add(new Tracking.Event(
                        change.changedAt(),
                        "STATUS",
                        change.status().code(),
                        change.publicText() != null
                                ? change.publicText()
                                : change.status().label(),
                        personal ? change.note() : null,
                        null,
                        null,
                        null,
                        null)));
        timeline.steps()
                .forEach(step -> events.add(new Tracking.Event(
                        step.startedAt(),
                        "STEP",
                        null,
                        step.stepName(),
                        null,
                        departmentName(step.department()),
                        step.dueAt(),
                        step.completedAt(),
                        now.of(step.dueAt(), step.completedAt()))));
        events.sort(Comparator.comparing(Tracking.Event::at));
        return events;
    }

    /** Only a result counts as finishing for timeliness; a refused or stopped dossier is neither early nor late. */
    private static Timeliness timeliness(
            Timeliness.At now, DossierStatus status, LocalDateTime dueAt, LocalDateTime finishedAt) {
        boolean resolved = status == DossierStatus.DONE || status == DossierStatus.RETURNED;
        if (finishedAt != null && !resolved) {
            return null;
        }
        return now.of(dueAt, finishedAt);
    }

    private String departmentName(String groupId) {
        if (groupId == null) {
            return null;
        }
        return departmentNames.get(groupId, id -> {
            Group group = identity.createGroupQuery().groupId(id).singleResult();
            return group == null ? id : group.getName();
        });
    }
}
