package vn.motcua.dossier;

import java.time.LocalDateTime;
import java.util.List;

/** Everything reception has checked and wants stored as one new dossier. */
public record NewDossier(
        String procedureCode,
        /** The version of the procedure in force at reception, which the dossier keeps (domain.md §8). */
        int procedureVersion,
        String agencyCode,
        Channel channel,
        Applicant applicant,
        String filedBy,
        String summary,
        String formDataJson,
        LocalDateTime receivedAt,
        LocalDateTime dueAt,
        List<Attachment> attachments) {

    /**
     * Filing channel; codes 1 counter, 2 online, 3 postal as the national systems use them. LIENTHONG: a mirror of a
     * dossier filed at another agency of a liên thông group, received with a handoff.
     */
    public enum Channel {
        COUNTER,
        ONLINE,
        POSTAL,
        LIENTHONG
    }
}
