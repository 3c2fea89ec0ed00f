package vn.motcua.nationalportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.Agency;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.StatusChange;
import vn.motcua.dossier.Step;
import vn.motcua.security.PersonNames;
import vn.motcua.sla.ApologyIssued;
import vn.motcua.slips.ResultDocumentSealed;
import vn.motcua.workflow.StepCompleted;

/**
 * The facts the portal is told, read when they are sent: a dossier's record as it is then, and a step as the timeline
 * keeps it (who did it, from when, due when). Officials' and departments' names come from the identity service
 * (built-in or Keycloak), kept once read.
 */
@Component
class PortalRecords {

    private final Dossiers dossiers;
    private final Procedures procedures;
    private final SyncMapper queue;
    private final IdentityService identity;
    private final ObjectMapper json;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    PortalRecords(
            Dossiers dossiers,
            Procedures procedures,
            SyncMapper queue,
            @Lazy IdentityService identity,
            ObjectMapper json) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.queue = queue;
        this.identity = identity;
        this.json = json;
    }

    Optional<Dossier> dossier(String code) {
        return dossiers.find(code);
    }

    /** The record as it is now; empty when the dossier or its procedure is gone (nothing to send). */
    Optional<PortalFacts.DossierRecord> record(SyncMapper.Known known) {
        Optional<Dossier> found = dossiers.find(known.dossierCode());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Dossier dossier = found.get();
        Optional<Procedure> procedure = procedures.version(dossier.procedureCode(), dossier.procedureVersion());
        if (procedure.isEmpty()) {
            return Optional.empty();
        }
        List<StatusChange> changes = dossiers.statusChanges(dossier.code());
        List<SyncMapper.Row> kept = queue.keptEvents(dossier.code());
        List<PortalFacts.Extension> extensions = kept.stream()
                .filter(r -> r.idemKey().startsWith("apology:"))
                .map(r -> extension(r.occurredAt(), read(r.eventJson(), ApologyIssued.class)))
                .toList();
        List<PortalFacts.ResultDocument> results = kept.stream()
                .filter(r -> r.idemKey().startsWith("sealed:"))
                .map(r -> read(r.eventJson(), ResultDocumentSealed.class))
                .map(s -> new PortalFacts.ResultDocument(s.documentId(), s.sha256(), s.sealedAt()))
                .toList();
        LocalDateTime returnedAt = changes.stream()
                .filter(c -> c.status() == DossierStatus.RETURNED)
                .map(StatusChange::changedAt)
                .reduce((first, last) -> last)
                .orElse(null);
        return Optional.of(new PortalFacts.DossierRecord(
                known.portalCode() != null ? known.portalCode() : dossier.code(),
                dossier,
                procedure.get(),
                dossiers.attachments(dossier.code()),
                changes,
                extensions,
                results,
                returnedAt));
    }

    private PortalFacts.Extension extension(LocalDateTime at, ApologyIssued apology) {
        return new PortalFacts.Extension(
                at, apology.originalDueAt(), apology.newDueAt(), apology.reason(), name(apology.issuedBy()));
    }

    /** A step done, with the dossier's status right after it. */
    PortalFacts.Progress progress(SyncMapper.Known known, SyncMapper.Row row) {
        StepCompleted step = read(row.eventJson(), StepCompleted.class);
        List<Step> steps = dossiers.steps(step.dossierCode());
        Optional<Step> done = steps.stream()
                .filter(s ->
                        s.stepKey().equals(step.stepKey()) && step.completedAt().equals(s.completedAt()))
                .findFirst();
        // the status the step handed over: the last one set before the next step began (the same transaction sets it
        // after the task completed, before the next task is created), or the latest when nothing followed yet
        LocalDateTime handedOver = steps.stream()
                .map(Step::startedAt)
                .filter(started -> started != null && !started.isBefore(step.completedAt()))
                .min(LocalDateTime::compareTo)
                .orElse(LocalDateTime.MAX);
        DossierStatus status = dossiers.statusChanges(step.dossierCode()).stream()
                .filter(c -> !c.changedAt().isAfter(handedOver))
                .map(StatusChange::status)
                .reduce((first, last) -> last)
                .orElse(DossierStatus.SUBMITTED);
        String actor = done.map(Step::completedBy).orElse(null);
        return new PortalFacts.Progress(
                known.portalCode() != null ? known.portalCode() : step.dossierCode(),
                actor == null ? "Hệ thống" : name(actor),
                title(step.department()),
                departmentName(step.department()),
                step.completedAt(),
                what(step),
                status,
                done.map(Step::startedAt).orElse(null),
                step.dueAt());
    }

    /** What was done, as the processing control slip says it: the step, and its decision when it has one. */
    private static String what(StepCompleted step) {
        String name = step.stepName() != null ? step.stepName() : step.stepKey();
        String outcome = step.outcome() == null
                ? null
                : switch (step.outcome()) {
                    case "accept" -> "tiếp nhận";
                    case "approve" -> "đồng ý";
                    case "refuse", "reject" -> "từ chối";
                    case "supplement" -> "yêu cầu bổ sung";
                    case "no-answer" -> "hết thời gian chờ, không có trả lời";
                    default -> step.outcome();
                };
        return outcome == null ? name : name + ": " + outcome;
    }

    /** The title a department's role gives its officials (groups are named {@code <unit>-<role>}). */
    private static String title(String department) {
        if (department == null) {
            return null;
        }
        String role = department.substring(department.lastIndexOf('-') + 1);
        return switch (role) {
            case "reception" -> "Cán bộ tiếp nhận";
            case "head" -> "Trưởng phòng";
            case "specialist" -> "Chuyên viên";
            case "leader" -> "Lãnh đạo";
            case "clerk" -> "Văn thư";
            default -> "Cơ quan phối hợp";
        };
    }

    private String name(String userId) {
        if (userId == null) {
            return null;
        }
        return names.computeIfAbsent("user:" + userId, key -> {
            User user = identity.createUserQuery().userId(userId).singleResult();
            return user == null ? userId : PersonNames.of(user);
        });
    }

    /**
     * A department as the portal shows it: the agency (from the catalogue) and the role, e.g. "Ủy ban nhân dân phường
     * Phan Rang – Bộ phận Một cửa" for {@code phanrang-reception}, the same whatever the identity service calls its
     * groups (Keycloak names them by id); another agency waited for by its name; else the identity's group name.
     */
    private String departmentName(String groupId) {
        if (groupId == null) {
            return null;
        }
        return names.computeIfAbsent("group:" + groupId, key -> {
            Optional<String> agency = procedures.agency(groupId).map(Agency::name);
            if (agency.isPresent()) {
                return agency.get();
            }
            int dash = groupId.lastIndexOf('-');
            String role = dash < 0 ? null : ROLES.get(groupId.substring(dash + 1));
            if (role != null) {
                Optional<String> unit =
                        procedures.agencyOfUnit(groupId.substring(0, dash)).map(Agency::name);
                if (unit.isPresent()) {
                    return unit.get() + " – " + role;
                }
            }
            Group group = identity.createGroupQuery().groupId(groupId).singleResult();
            return group == null || group.getName() == null ? groupId : group.getName();
        });
    }

    private static final Map<String, String> ROLES = Map.of(
            "reception", "Bộ phận Một cửa",
            "head", "Lãnh đạo phòng chuyên môn",
            "specialist", "Công chức chuyên môn",
            "leader", "Lãnh đạo",
            "clerk", "Văn thư");

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException broken) {
            throw new UncheckedIOException(broken);
        }
    }

    JsonNode tree(Object value) {
        return json.valueToTree(value);
    }
}
