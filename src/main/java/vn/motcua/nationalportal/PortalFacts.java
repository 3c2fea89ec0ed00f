package vn.motcua.nationalportal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Attachment;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.StatusChange;
import vn.motcua.dossier.StoredAttachment;

/**
 * What the link exchanges with the portal, in our own words, whatever the portal's field names of the day: a mapping
 * version ({@link PortalMapping}) turns these into the portal's fields and back.
 */
final class PortalFacts {

    private PortalFacts() {}

    /**
     * A dossier's record as it is now. {@code portalCode} is the code the portal knows it by: the portal's own for a
     * dossier filed there, else ours.
     */
    record DossierRecord(
            String portalCode,
            Dossier dossier,
            Procedure procedure,
            List<StoredAttachment> attachments,
            List<StatusChange> changes,
            List<Extension> extensions,
            List<ResultDocument> results,
            LocalDateTime returnedAt) {}

    /** An appointment moved later with an apology letter (form 04). */
    record Extension(LocalDateTime at, LocalDateTime before, LocalDateTime after, String reason, String by) {}

    /** A sealed electronic result. */
    record ResultDocument(String documentId, String sha256, LocalDateTime sealedAt) {}

    /** One processing step done: a row of the electronic processing control slip. */
    record Progress(
            String portalCode,
            String actorName,
            String title,
            String departmentName,
            LocalDateTime at,
            String what,
            DossierStatus status,
            LocalDateTime startedAt,
            LocalDateTime dueAt) {}

    /** A dossier filed on the portal, to be filed here like any online filing. */
    record InboundDossier(
            String portalCode,
            String procedureCode,
            String agencyCode,
            Applicant applicant,
            String summary,
            LocalDateTime filedAt,
            Map<String, Object> formData,
            List<Attachment> attachments) {}

    /** A procedure as the national catalogue publishes it. */
    record NationalProcedure(
            String code,
            String name,
            String sector,
            String agencyCode,
            String agencyName,
            Integer legalTime,
            String timeUnitText,
            String fee,
            List<Procedure.Component> components) {}
}
