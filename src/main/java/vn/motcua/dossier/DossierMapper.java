package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface DossierMapper {

    record Row(
            String code,
            int sequenceNo,
            String procedureCode,
            int procedureVersion,
            String agencyCode,
            NewDossier.Channel channel,
            int status,
            Applicant.Kind applicantKind,
            String applicantName,
            String applicantIdNumber,
            String applicantAddress,
            String applicantPhone,
            String applicantEmail,
            String filedBy,
            String summary,
            LocalDateTime receivedAt,
            LocalDateTime dueAt,
            LocalDateTime finishedAt,
            String currentStep,
            String statusNote) {

        Dossier toDossier() {
            return new Dossier(
                    code,
                    sequenceNo,
                    procedureCode,
                    procedureVersion,
                    agencyCode,
                    channel,
                    DossierStatus.of(status),
                    new Applicant(
                            applicantKind,
                            applicantName,
                            applicantIdNumber,
                            applicantAddress,
                            applicantPhone,
                            applicantEmail),
                    filedBy,
                    summary,
                    receivedAt,
                    dueAt,
                    finishedAt,
                    currentStep,
                    statusNote);
        }
    }

    @Update("""
            update dossier_sequence
               set last_sequence = last_sequence + 1
             where agency_code = #{agency} and reception_day = #{day}
            """)
    int incrementSequence(@Param("agency") String agency, @Param("day") LocalDate day);

    @Select("""
            select last_sequence
              from dossier_sequence
             where agency_code = #{agency} and reception_day = #{day}
            """)
    int currentSequence(@Param("agency") String agency, @Param("day") LocalDate day);

    @Insert("""
            insert into dossier (code, sequence_no, procedure_code, procedure_version, agency_code, channel, status,
                   applicant_kind, applicant_name, applicant_id_number, applicant_address, applicant_phone,
                   applicant_email, filed_by, summary, form_data, secret_hash, received_at, due_at)
            values (#{code}, #{sequenceNo}, #{d.procedureCode}, #{d.procedureVersion}, #{d.agencyCode}, #{d.channel},
                   1, #{d.applicant.kind}, #{d.applicant.name}, #{d.applicant.idNumber}, #{d.applicant.address},
                   #{d.applicant.phone}, #{d.applicant.email}, #{d.filedBy}, #{d.summary}, #{d.formDataJson}, #{secretHash},
                   #{d.receivedAt}, #{d.dueAt})
            """)
    void insert(
            @Param("code") String code,
            @Param("sequenceNo") int sequenceNo,
            @Param("d") NewDossier dossier,
            @Param("secretHash") String secretHash);

    record Locked(String code, String publicTimeline) {}

    /** Locks the dossier's row until the transaction ends and reads the public timeline it keeps (null: none yet). */
    @Select("select code, public_timeline from dossier where code = #{code} for update")
    @ConstructorArgs({
        @Arg(column = "code", javaType = String.class),
        @Arg(column = "public_timeline", javaType = String.class)
    })
    Optional<Locked> lockWithTimeline(String code);

    @Update("""
            update dossier
               set public_timeline = #{timeline}, current_step = coalesce(#{currentStep}, current_step)
             where code = #{code}
            """)
    void updatePublicTimeline(
            @Param("code") String code, @Param("timeline") String timeline, @Param("currentStep") String currentStep);

    @Update("update dossier set extended_due_at = #{dueAt} where code = #{code}")
    void updateExtendedDue(@Param("code") String code, @Param("dueAt") LocalDateTime dueAt);

    @Update("update dossier set near_deadline = true where code = #{code}")
    void updateNearDeadline(String code);

    record PublicRow(
            String code,
            int status,
            String procedureCode,
            String applicantName,
            String filedBy,
            LocalDateTime receivedAt,
            LocalDateTime dueAt,
            LocalDateTime extendedDueAt,
            LocalDateTime finishedAt,
            String currentStep,
            boolean nearDeadline,
            String publicTimeline) {}

    /** Tracking's one read (issue 17): the public columns of the dossier's row and the public timeline it keeps. */
    @Select("""
            select code, status, procedure_code, applicant_name, filed_by, received_at, due_at, extended_due_at,
                   finished_at, current_step, near_deadline, public_timeline
              from dossier
             where code = #{code}
            """)
    @ConstructorArgs({
        @Arg(column = "code", javaType = String.class),
        @Arg(column = "status", javaType = int.class),
        @Arg(column = "procedure_code", javaType = String.class),
        @Arg(column = "applicant_name", javaType = String.class),
        @Arg(column = "filed_by", javaType = String.class),
        @Arg(column = "received_at", javaType = LocalDateTime.class),
        @Arg(column = "due_at", javaType = LocalDateTime.class),
        @Arg(column = "extended_due_at", javaType = LocalDateTime.class),
        @Arg(column = "finished_at", javaType = LocalDateTime.class),
        @Arg(column = "current_step", javaType = String.class),
        @Arg(column = "near_deadline", javaType = boolean.class),
        @Arg(column = "public_timeline", javaType = String.class)
    })
    Optional<PublicRow> publicRow(String code);

    @Select("""
            select code, sequence_no, procedure_code, procedure_version, agency_code, channel, status,
                   applicant_kind, applicant_name, applicant_id_number, applicant_address, applicant_phone,
                   applicant_email, filed_by, summary, received_at, due_at, finished_at, current_step, status_note
              from dossier
             where code = #{code}
            """)
    // explicit mapping: MyBatis' name-based constructor matching costs more CPU than the query on hot reads
    @ConstructorArgs({
        @Arg(column = "code", javaType = String.class),
        @Arg(column = "sequence_no", javaType = int.class),
        @Arg(column = "procedure_code", javaType = String.class),
        @Arg(column = "procedure_version", javaType = int.class),
        @Arg(column = "agency_code", javaType = String.class),
        @Arg(column = "channel", javaType = NewDossier.Channel.class),
        @Arg(column = "status", javaType = int.class),
        @Arg(column = "applicant_kind", javaType = Applicant.Kind.class),
        @Arg(column = "applicant_name", javaType = String.class),
        @Arg(column = "applicant_id_number", javaType = String.class),
        @Arg(column = "applicant_address", javaType = String.class),
        @Arg(column = "applicant_phone", javaType = String.class),
        @Arg(column = "applicant_email", javaType = String.class),
        @Arg(column = "filed_by", javaType = String.class),
        @Arg(column = "summary", javaType = String.class),
        @Arg(column = "received_at", javaType = LocalDateTime.class),
        @Arg(column = "due_at", javaType = LocalDateTime.class),
        @Arg(column = "finished_at", javaType = LocalDateTime.class),
        @Arg(column = "current_step", javaType = String.class),
        @Arg(column = "status_note", javaType = String.class)
    })
    Optional<Row> find(String code);

    @Select("""
            select code, sequence_no, procedure_code, procedure_version, agency_code, channel, status,
                   applicant_kind, applicant_name, applicant_id_number, applicant_address, applicant_phone,
                   applicant_email, filed_by, summary, received_at, due_at, finished_at, current_step, status_note
              from dossier
             where filed_by = #{user}
             order by received_at desc
             limit 200
            """)
    List<Row> filedBy(String user);

    @Select("select code from dossier order by received_at, code")
    List<String> allCodes();

    @Select("select secret_hash from dossier where code = #{code}")
    Optional<String> secretHash(String code);

    @Insert("""
            insert into dossier_attachment (dossier_code, component_code, purpose, file_name, content_type,
                   size_bytes, sha256, content, uploaded_at)
            values (#{code}, #{a.componentCode}, #{purpose}, #{a.fileName}, #{a.contentType}, #{size}, #{sha256},
                   #{a.content}, #{at})
            """)
    void insertAttachment(
            @Param("code") String code,
            @Param("purpose") String purpose,
            @Param("a") Attachment attachment,
            @Param("size") long size,
            @Param("sha256") String sha256,
            @Param("at") LocalDateTime at);

    @Select("""
            select id, component_code, purpose, file_name, content_type, size_bytes, sha256, uploaded_at
              from dossier_attachment
             where dossier_code = #{code}
             order by id
            """)
    List<StoredAttachment> attachments(String code);

    @Select("""
            select content
              from dossier_attachment
             where dossier_code = #{code} and id = #{id}
            """)
    Optional<byte[]> attachmentContent(@Param("code") String code, @Param("id") long id);

    @Select("select form_data from dossier where code = #{code}")
    Optional<String> formData(String code);

    @Insert("""
            insert into dossier_step (dossier_code, task_id, step_key, step_name, department, public_text,
                   started_at, due_at)
            values (#{code}, #{taskId}, #{stepKey}, #{stepName}, #{department}, #{publicText}, #{startedAt}, #{dueAt})
            """)
    void insertStep(
            @Param("code") String code,
            @Param("taskId") String taskId,
            @Param("stepKey") String stepKey,
            @Param("stepName") String stepName,
            @Param("department") String department,
            @Param("publicText") String publicText,
            @Param("startedAt") LocalDateTime startedAt,
            @Param("dueAt") LocalDateTime dueAt);

    @Update("""
            update dossier_step
               set completed_at = #{at}, completed_by = #{actor}, outcome = #{outcome}, note = #{note}
             where task_id = #{taskId}
            """)
    int completeStep(
            @Param("taskId") String taskId,
            @Param("at") LocalDateTime at,
            @Param("actor") String actor,
            @Param("outcome") String outcome,
            @Param("note") String note);

    @Select("""
            select step_key, step_name, department, public_text, started_at, due_at, completed_at, completed_by,
                   outcome, note
              from dossier_step
             where dossier_code = #{code}
             order by id
            """)
    List<Step> steps(String code);

    @Update("""
            update dossier
               set current_step = #{publicText}
             where code = #{code}
            """)
    void updateCurrentStep(@Param("code") String code, @Param("publicText") String publicText);

    @Update("""
            update dossier
               set status = #{status},
                   current_step = coalesce(#{publicText}, current_step),
                   status_note = coalesce(#{note}, status_note),
                   finished_at = case when #{finishes} then #{at} else finished_at end
             where code = #{code}
            """)
    int updateStatus(
            @Param("code") String code,
            @Param("status") int status,
            @Param("publicText") String publicText,
            @Param("note") String note,
            @Param("finishes") boolean finishes,
            @Param("at") LocalDateTime at);

    @Insert("""
            insert into dossier_status_change (dossier_code, status, changed_at, actor, public_text, note)
            values (#{code}, #{status}, #{at}, #{actor}, #{publicText}, #{note})
            """)
    void insertStatusChange(
            @Param("code") String code,
            @Param("status") int status,
            @Param("at") LocalDateTime at,
            @Param("actor") String actor,
            @Param("publicText") String publicText,
            @Param("note") String note);

    @Select("""
            select status, changed_at, actor, public_text, note
              from dossier_status_change
             where dossier_code = #{code}
             order by id
            """)
    List<StatusChangeRow> statusChanges(String code);

    record StatusChangeRow(int status, LocalDateTime changedAt, String actor, String publicText, String note) {}

    /** Status changes (kind 0) and steps (kind 1) of a dossier in one round trip, each in the order it was written. */
    @Select("""
            select 0 as kind, id, status, changed_at as at, actor, null as task_id, null as step_key, null as step_name,
                   public_text, note, null as department, null as due_at, null as completed_at, null as outcome
              from dossier_status_change
             where dossier_code = #{code}
            union all
            select 1, id, null, started_at, completed_by, task_id, step_key, step_name, public_text, note, department,
                   due_at, completed_at, outcome
              from dossier_step
             where dossier_code = #{code}
             order by kind, id
            """)
    @ConstructorArgs({
        @Arg(column = "kind", javaType = int.class),
        @Arg(column = "id", javaType = long.class),
        @Arg(column = "status", javaType = Integer.class),
        @Arg(column = "at", javaType = LocalDateTime.class),
        @Arg(column = "actor", javaType = String.class),
        @Arg(column = "task_id", javaType = String.class),
        @Arg(column = "step_key", javaType = String.class),
        @Arg(column = "step_name", javaType = String.class),
        @Arg(column = "public_text", javaType = String.class),
        @Arg(column = "note", javaType = String.class),
        @Arg(column = "department", javaType = String.class),
        @Arg(column = "due_at", javaType = LocalDateTime.class),
        @Arg(column = "completed_at", javaType = LocalDateTime.class),
        @Arg(column = "outcome", javaType = String.class)
    })
    List<TimelineRow> timeline(String code);

    record TimelineRow(
            int kind,
            long id,
            Integer status,
            LocalDateTime at,
            String actor,
            String taskId,
            String stepKey,
            String stepName,
            String publicText,
            String note,
            String department,
            LocalDateTime dueAt,
            LocalDateTime completedAt,
            String outcome) {}

    /** A new appointment; the deadline warning of the old one no longer holds (the dossier's clock forgets it too). */
    @Update("update dossier set due_at = #{dueAt}, near_deadline = false where code = #{code}")
    void updateDue(@Param("code") String code, @Param("dueAt") LocalDateTime dueAt);

    @Update("update dossier set status_note = #{note} where code = #{code}")
    void updateStatusNote(@Param("code") String code, @Param("note") String note);

    /** Steps completed in [from, to) with a due time, per step and department: how many, how many after it. */
    @Select("""
            <script>
            select s.step_name as name, s.department as department, count(*) as completed,
                   sum(case when s.completed_at &gt; s.due_at then 1 else 0 end) as late
              from dossier_step s join dossier d on d.code = s.dossier_code
             where s.completed_at &gt;= #{from} and s.completed_at &lt; #{to} and s.due_at is not null
               <if test="agency != null">and d.agency_code = #{agency}</if>
             group by s.step_name, s.department
            having sum(case when s.completed_at &gt; s.due_at then 1 else 0 end) &gt; 0
             order by late desc, name
             limit #{limit}
            </script>
            """)
    List<Dossiers.LateStep> lateSteps(
            @Param("from") java.time.LocalDateTime from,
            @Param("to") java.time.LocalDateTime to,
            @Param("agency") String agency,
            @Param("limit") int limit);
}
