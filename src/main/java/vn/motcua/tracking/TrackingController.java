package vn.motcua.tracking;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.UserError;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.sla.Clocks;
import vn.motcua.sla.Timeliness;

@RestController
class TrackingController {

    private final Dossiers dossiers;
    private final Procedures procedures;
    private final IdentityService identity;
    private final Clocks clocks;

    TrackingController(Dossiers dossiers, Procedures procedures, IdentityService identity, Clocks clocks) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.identity = identity;
        this.clocks = clocks;
    }

    @GetMapping("/api/tracking/{code}")
    @Operation(summary = "Track a dossier by its code (public, no login, no personal data)")
    Tracking track(@PathVariable String code) {
        Dossier dossier = dossiers.find(code)
                .orElseThrow(() -> UserError.notFound(
                        "Không tìm thấy hồ sơ có mã " + code + ". Vui lòng kiểm tra lại mã trên giấy tiếp nhận.",
                        "No dossier has the code " + code + ". Please check the code on the receipt slip."));
        Procedure procedure = procedures.find(dossier.procedureCode()).orElseThrow();
        Optional<Clocks.DossierClock> clock = clocks.dossierClock(code);
        return new Tracking(
                dossier.code(),
                dossier.status().code(),
                dossier.status().label(),
                procedure.code(),
                procedure.name(),
                procedure.agencyCode(),
                procedure.agencyName(),
                Applicant.masked(dossier.applicant().name()),
                dossier.receivedAt(),
                dossier.dueAt(),
                clock.map(Clocks.DossierClock::extendedDueAt).orElse(null),
                clock.map(Clocks.DossierClock::apologyReason).orElse(null),
                dossier.finishedAt(),
                timeliness(dossier),
                clock.map(Clocks.DossierClock::warned).orElse(false),
                dossier.currentStep(),
                timeline(code));
    }

    private List<Tracking.Event> timeline(String code) {
        List<Tracking.Event> events = new ArrayList<>();
        dossiers.statusChanges(code)
                .forEach(change -> events.add(new Tracking.Event(
                        change.changedAt(),
                        "STATUS",
                        change.status().code(),
                        change.publicText() != null
                                ? change.publicText()
                                : change.status().label(),
                        change.note(),
                        null,
                        null,
                        null,
                        null)));
        dossiers.steps(code)
                .forEach(step -> events.add(new Tracking.Event(
                        step.startedAt(),
                        "STEP",
                        null,
                        step.stepName(),
                        null,
                        departmentName(step.department()),
                        step.dueAt(),
                        step.completedAt(),
                        clocks.timeliness(step.dueAt(), step.completedAt()))));
        events.sort(Comparator.comparing(Tracking.Event::at));
        return events;
    }

    /** Only a result counts as finishing for timeliness; a refused or stopped dossier is neither early nor late. */
    private Timeliness timeliness(Dossier dossier) {
        boolean resolved = dossier.status() == DossierStatus.DONE || dossier.status() == DossierStatus.RETURNED;
        if (dossier.finishedAt() != null && !resolved) {
            return null;
        }
        return clocks.timeliness(dossier.dueAt(), dossier.finishedAt());
    }

    private String departmentName(String groupId) {
        Group group = groupId == null
                ? null
                : identity.createGroupQuery().groupId(groupId).singleResult();
        return group == null ? groupId : group.getName();
    }
}
