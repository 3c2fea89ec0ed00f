package vn.motcua.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** Writes a notice once per event key: a second delivery of the same event finds the key and does nothing. */
@Component
class Notices {

    enum Recipient {
        /** the applicant of the dossier; the address is read from the dossier when the notice is sent */
        CITIZEN,
        /** a department (candidate group) or, for a wait, an agency code */
        DEPARTMENT
    }

    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    private final NoticeMapper notices;
    private final Clock clock;

    Notices(NoticeMapper notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    /** @return whether the notice was written now (false: this event had its notice already) */
    boolean add(String key, String dossierCode, String kind, Recipient to, String recipient, String message) {
        try {
            notices.insert(key, dossierCode, kind, to.name(), recipient, message, LocalDateTime.now(clock));
            return true;
        } catch (DuplicateKeyException again) {
            log.info("Notice {} exists already: event delivered again, nothing done", key);
            return false;
        }
    }
}
