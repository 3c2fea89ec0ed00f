package vn.motcua.notification;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface NoticeMapper {

    /** Fails with a duplicate key when a notice for this event key exists already. */
    @Insert("""
            insert into notification_notice
                   (event_key, dossier_code, kind, recipient_kind, recipient, message, created_at)
            values (#{key}, #{dossierCode}, #{kind}, #{recipientKind}, #{recipient}, #{message}, #{at})
            """)
    void insert(
            @Param("key") String key,
            @Param("dossierCode") String dossierCode,
            @Param("kind") String kind,
            @Param("recipientKind") String recipientKind,
            @Param("recipient") String recipient,
            @Param("message") String message,
            @Param("at") LocalDateTime at);
}
