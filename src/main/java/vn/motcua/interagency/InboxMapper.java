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
interface InboxMapper {

    record Row(
            String messageId,
            String dossierCode,
            String messageName,
            String senderAgency,
            String receiverAgency,
            String procedureCode,
            String envelope,
            String payloadSha256,
            String signature,
            String status,
            String reason,
            int attempts,
            LocalDateTime receivedAt,
            LocalDateTime correlatedAt,
            String processInstanceId,
            String ackBody,
            String ackSignature,
            String keyId,
            String ackKeyId) {}

    /** Fails with a duplicate key when the message is already in: that is how a second delivery is recognised. */
    @Insert("""
            insert into handoff_inbox (message_id, dossier_code, message_name, sender_agency, receiver_agency,
                   procedure_code, envelope, payload_sha256, signature, key_id, status, reason, attempts, received_at)
            values (#{messageId}, #{dossierCode}, #{messageName}, #{senderAgency}, #{receiverAgency}, #{procedureCode},
                   #{envelope}, #{payloadSha256}, #{signature}, #{keyId}, #{status}, #{reason}, 1, #{receivedAt})
            """)
    void insert(Row row);

    /** Takes a parked message for another try; of two concurrent re-deliveries only one gets 1. */
    @Update("""
            update handoff_inbox
               set status = 'CORRELATED', reason = null, attempts = attempts + 1
             where message_id = #{messageId} and status = 'PARKED'
            """)
    int unpark(String messageId);

    @Update("""
            update handoff_inbox
               set correlated_at = #{at}, process_instance_id = #{processInstanceId}, ack_body = #{ackBody},
                   ack_signature = #{ackSignature}, ack_key_id = #{ackKeyId}
             where message_id = #{messageId}
            """)
    void correlated(
            @Param("messageId") String messageId,
            @Param("at") LocalDateTime at,
            @Param("processInstanceId") String processInstanceId,
            @Param("ackBody") String ackBody,
            @Param("ackSignature") String ackSignature,
            @Param("ackKeyId") String ackKeyId);

    @Update("""
            update handoff_inbox
               set status = 'PARKED', reason = #{reason}, attempts = attempts + 1
             where message_id = #{messageId} and status = 'PARKED'
            """)
    int parkedAgain(@Param("messageId") String messageId, @Param("reason") String reason);

    @Select("""
            select message_id, dossier_code, message_name, sender_agency, receiver_agency, procedure_code, envelope,
                   payload_sha256, signature, status, reason, attempts, received_at, correlated_at,
                   process_instance_id, ack_body, ack_signature, key_id, ack_key_id
              from handoff_inbox
             where message_id = #{messageId}
            """)
    Optional<Row> find(String messageId);

    @Select("""
            select message_id, dossier_code, message_name, sender_agency, receiver_agency, procedure_code, envelope,
                   payload_sha256, signature, status, reason, attempts, received_at, correlated_at,
                   process_instance_id, ack_body, ack_signature, key_id, ack_key_id
              from handoff_inbox
             where status = coalesce(#{status}, status)
               and dossier_code = coalesce(#{dossierCode}, dossier_code)
             order by received_at desc
             limit #{limit}
            """)
    List<Row> list(@Param("status") String status, @Param("dossierCode") String dossierCode, @Param("limit") int limit);

    @Select("select status, count(*) as n from handoff_inbox group by status")
    List<OutboxMapper.StatusCount> countByStatus();

    @Insert("""
            insert into handoff_refusal (refused_at, message_id, sender_agency, receiver_agency, http_status, reason,
                   remote_address, body_sha256)
            values (#{at}, #{messageId}, #{senderAgency}, #{receiverAgency}, #{httpStatus}, #{reason}, #{remoteAddress},
                   #{bodySha256})
            """)
    void insertRefusal(
            @Param("at") LocalDateTime at,
            @Param("messageId") String messageId,
            @Param("senderAgency") String senderAgency,
            @Param("receiverAgency") String receiverAgency,
            @Param("httpStatus") int httpStatus,
            @Param("reason") String reason,
            @Param("remoteAddress") String remoteAddress,
            @Param("bodySha256") String bodySha256);

    record Refusal(
            LocalDateTime refusedAt,
            String messageId,
            String senderAgency,
            String receiverAgency,
            int httpStatus,
            String reason,
            String remoteAddress) {}

    @Select("""
            select refused_at, message_id, sender_agency, receiver_agency, http_status, reason, remote_address
              from handoff_refusal
             order by id desc
             limit #{limit}
            """)
    List<Refusal> refusals(int limit);
}
