package vn.motcua.dossier;

import java.time.LocalDateTime;

/**
 * A dossier was filed and got its code (durable event, published in the filing's transaction). {@code dueAt} is the
 * appointment given at filing; {@code filedBy} the user id of whoever filed it (citizen or reception officer). No
 * applicant data: a consumer that needs it reads the dossier.
 */
public record DossierFiled(
        String dossierCode,
        String procedureCode,
        String agencyCode,
        NewDossier.Channel channel,
        LocalDateTime receivedAt,
        LocalDateTime dueAt,
        String filedBy) {}
