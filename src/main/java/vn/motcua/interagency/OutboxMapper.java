package vn.motcua.interagency;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface OutboxMapper {

    record Row(
            String messageId,
            String dossierCode,
            String messageName,
            String senderAgency,
            String receiverAgency,
            String procedureCode,
            String processInstanceId,
            String activityId,
            String envelope,
            String payloadSha256,
            String signature,
            String status,
            int attempts,
            LocalDateTime nextAttemptAt,
            String leaseOwner,
            LocalDateTime leaseUntil,
            String lastError,
            LocalDateTime createdAt,
            LocalDateTime sentAt,
            LocalDateTime acknowledgedAt,
            String ackStatus,
            String ackBody,
            String ackSignature,
            String keyId,
            String ackKeyId,
            int budgetFrom,
            LocalDateTime budgetSince) {}

    record Attempt(
            int attempt,
            LocalDateTime attemptedAt,
            Integer httpStatus,
            String outcome,
            String error,
            LocalDateTime nextAttemptAt) {}

    @Insert("""
            insert into handoff_outbox (message_id, dossier_code, message_name, sender_agency, receiver_agency,
                   procedure_code, process_instance_id, activity_id, envelope, payload_sha256, signature, key_id,
                   status, attempts, next_attempt_at, created_at, budget_from, budget_since)
            values (#{messageId}, #{dossierCode}, #{messageName}, #{senderAgency}, #{receiverAgency}, #{procedureCode},
                   #{processInstanceId}, #{activityId}, #{envelope}, #{payloadSha256}, #{signature}, #{keyId},
                   'PENDING', 0, #{createdAt}, #{createdAt}, 0, #{createdAt})
            """)
    void insert(Row row);

    @Select("""
            select message_id
              from handoff_outbox
             where status = 'PENDING' and next_attempt_at <= #{now}
               and (lease_until is null or lease_until < #{now})
             order by next_attempt_at
             limit #{limit}
            """)
    List<String> due(@Param("now") LocalDateTime now, @Param("limit") int limit);

    /** Takes a due message for one node; several nodes on one database race here and exactly one wins. */
    @Update("""
            update handoff_outbox
               set lease_owner = #{owner}, lease_until = #{until}
             where message_id = #{messageId} and status = 'PENDING'
               and (lease_until is null or lease_until < #{now})
            """)
    int claim(
            @Param("messageId") String messageId,
            @Param("owner") String owner,
            @Param("now") LocalDateTime now,
            @Param("until") LocalDateTime until);

    @Update("""
            update handoff_outbox
               set status = 'DELIVERED', attempts = attempts + 1, lease_owner = null, lease_until = null,
                   sent_at = #{at}, acknowledged_at = #{at}, ack_status = #{ackStatus}, ack_body = #{ackBody},
                   ack_signature = #{ackSignature}, ack_key_id = #{ackKeyId}, last_error = null
             where message_id = #{messageId} and lease_owner = #{owner}
            """)
    int delivered(
            @Param("messageId") String messageId,
            @Param("owner") String owner,
            @Param("at") LocalDateTime at,
            @Param("ackStatus") String ackStatus,
            @Param("ackBody") String ackBody,
            @Param("ackSignature") String ackSignature,
            @Param("ackKeyId") String ackKeyId);

    /**
     * A failed attempt: {@code status} PENDING with a later {@code nextAttemptAt} (retry), FAILED (refused) or DEAD
     * (given up after max-attempts or max-age).
     */
    @Update("""
            update handoff_outbox
               set status = #{status}, attempts = attempts + 1, lease_owner = null, lease_until = null,
                   sent_at = #{at}, next_attempt_at = #{nextAttemptAt}, last_error = #{error}
             where message_id = #{messageId} and lease_owner = #{owner}
            """)
    int attemptFailed(
            @Param("messageId") String messageId,
            @Param("owner") String owner,
            @Param("status") String status,
            @Param("at") LocalDateTime at,
            @Param("nextAttemptAt") LocalDateTime nextAttemptAt,
            @Param("error") String error);

    @Insert("""
            insert into handoff_attempt (message_id, attempt, attempted_at, http_status, outcome, error, next_attempt_at)
            select message_id, attempts, #{at}, #{httpStatus}, #{outcome}, #{error}, #{nextAttemptAt}
              from handoff_outbox
             where message_id = #{messageId}
            """)
    void insertAttempt(
            @Param("messageId") String messageId,
            @Param("at") LocalDateTime at,
            @Param("httpStatus") Integer httpStatus,
            @Param("outcome") String outcome,
            @Param("error") String error,
            @Param("nextAttemptAt") LocalDateTime nextAttemptAt);

    /**
     * An operator's retry: a failed, dead or waiting message is due now, with a fresh budget of attempts and age (a
     * delivered one stays delivered).
     */
    @Update("""
            update handoff_outbox
               set status = 'PENDING', next_attempt_at = #{now}, budget_from = attempts, budget_since = #{now}
             where message_id = #{messageId} and status in ('FAILED', 'DEAD', 'PENDING')
            """)
    int retry(@Param("messageId") String messageId, @Param("now") LocalDateTime now);

    @Select("""
            select message_id, dossier_code, message_name, sender_agency, receiver_agency, procedure_code,
                   process_instance_id, activity_id, envelope, payload_sha256, signature, status, attempts,
                   next_attempt_at, lease_owner, lease_until, last_error, created_at, sent_at, acknowledged_at,
                   ack_status, ack_body, ack_signature, key_id, ack_key_id, budget_from, budget_since
              from handoff_outbox
             where message_id = #{messageId}
            """)
    Optional<Row> find(String messageId);

    @Select("""
            select message_id, dossier_code, message_name, sender_agency, receiver_agency, procedure_code,
                   process_instance_id, activity_id, envelope, payload_sha256, signature, status, attempts,
                   next_attempt_at, lease_owner, lease_until, last_error, created_at, sent_at, acknowledged_at,
                   ack_status, ack_body, ack_signature, key_id, ack_key_id, budget_from, budget_since
              from handoff_outbox
             where status = coalesce(#{status}, status)
               and dossier_code = coalesce(#{dossierCode}, dossier_code)
             order by created_at desc
             limit #{limit}
            """)
    List<Row> list(@Param("status") String status, @Param("dossierCode") String dossierCode, @Param("limit") int limit);

    @Select("""
            select attempt, attempted_at, http_status, outcome, error, next_attempt_at
              from handoff_attempt
             where message_id = #{messageId}
             order by id
            """)
    List<Attempt> attempts(String messageId);

    /** When this installation first sent {@code from}'s message to {@code to} for the dossier, if it ever did. */
    @Select("""
            select min(created_at)
              from handoff_outbox
             where dossier_code = #{dossierCode} and sender_agency = #{from} and receiver_agency = #{to}
            """)
    Optional<LocalDateTime> firstSent(
            @Param("dossierCode") String dossierCode, @Param("from") String from, @Param("to") String to);

    @Select("select status, count(*) as n from handoff_outbox group by status")
    List<StatusCount> countByStatus();

    record StatusCount(String status, long n) {}
}
