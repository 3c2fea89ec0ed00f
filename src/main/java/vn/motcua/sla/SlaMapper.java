package vn.motcua.sla;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface SlaMapper {

    @Select("""
            select clock_policy, max_requests, timeout_working_days
              from sla_supplement_policy
             where procedure_code = #{procedureCode}
            """)
    Optional<SupplementPolicy> policy(String procedureCode);

    record ClockRow(
            String dossierCode,
            String procedureCode,
            LocalDateTime dueAt,
            LocalDateTime warnAt,
            LocalDateTime warnedAt,
            LocalDateTime pausedAt,
            int supplementRequests,
            LocalDateTime finishedAt,
            LocalDateTime extendedDueAt,
            String apologyReason,
            LocalDateTime apologyAt,
            String apologyBy) {}

    @Select("""
            select dossier_code, procedure_code, due_at, warn_at, warned_at, paused_at, supplement_requests,
                   finished_at, extended_due_at, apology_reason, apology_at, apology_by
              from sla_dossier_clock
             where dossier_code = #{code}
            """)
    Optional<ClockRow> clock(String code);

    @Insert("""
            insert into sla_dossier_clock (dossier_code, procedure_code, due_at, warn_at, supplement_requests)
            values (#{code}, #{procedureCode}, #{dueAt}, #{warnAt}, 0)
            """)
    void insertClock(
            @Param("code") String code,
            @Param("procedureCode") String procedureCode,
            @Param("dueAt") LocalDateTime dueAt,
            @Param("warnAt") LocalDateTime warnAt);

    /** A new due time (acceptance again, a pause that ended, a restart) also re-arms the warning. */
    @Update("""
            update sla_dossier_clock
               set due_at = #{dueAt}, warn_at = #{warnAt}, warned_at = null, paused_at = null
             where dossier_code = #{code}
            """)
    void updateDue(
            @Param("code") String code, @Param("dueAt") LocalDateTime dueAt, @Param("warnAt") LocalDateTime warnAt);

    @Update("""
            update sla_dossier_clock
               set paused_at = #{at}, supplement_requests = supplement_requests + 1
             where dossier_code = #{code}
            """)
    void pause(@Param("code") String code, @Param("at") LocalDateTime at);

    @Update("update sla_dossier_clock set finished_at = #{at} where dossier_code = #{code} and finished_at is null")
    void finish(@Param("code") String code, @Param("at") LocalDateTime at);

    @Update("""
            update sla_dossier_clock
               set extended_due_at = #{newDueAt}, apology_reason = #{reason}, apology_at = #{at}, apology_by = #{by}
             where dossier_code = #{code} and apology_at is null
            """)
    int apologise(
            @Param("code") String code,
            @Param("newDueAt") LocalDateTime newDueAt,
            @Param("reason") String reason,
            @Param("at") LocalDateTime at,
            @Param("by") String by);

    @Insert("""
            insert into sla_step_clock (task_id, dossier_code, step_key, department, due_at, warn_at)
            values (#{taskId}, #{code}, #{stepKey}, #{department}, #{dueAt}, #{warnAt})
            """)
    void insertStep(
            @Param("taskId") String taskId,
            @Param("code") String code,
            @Param("stepKey") String stepKey,
            @Param("department") String department,
            @Param("dueAt") LocalDateTime dueAt,
            @Param("warnAt") LocalDateTime warnAt);

    @Update("update sla_step_clock set completed_at = #{at} where task_id = #{taskId}")
    void completeStep(@Param("taskId") String taskId, @Param("at") LocalDateTime at);

    record StepRow(String taskId, String dossierCode, String stepKey, String department, LocalDateTime dueAt) {}

    @Select("""
            select task_id, dossier_code, step_key, department, due_at
              from sla_step_clock
             where warned_at is null and completed_at is null and warn_at <= #{now}
             order by warn_at
            """)
    List<StepRow> stepsToWarn(LocalDateTime now);

    @Update("update sla_step_clock set warned_at = #{at} where task_id = #{taskId} and warned_at is null")
    int stepWarned(@Param("taskId") String taskId, @Param("at") LocalDateTime at);

    @Select("""
            select dossier_code, procedure_code, due_at, warn_at, warned_at, paused_at, supplement_requests,
                   finished_at, extended_due_at, apology_reason, apology_at, apology_by
              from sla_dossier_clock
             where warned_at is null and finished_at is null and paused_at is null and warn_at <= #{now}
             order by warn_at
            """)
    List<ClockRow> dossiersToWarn(LocalDateTime now);

    @Update("update sla_dossier_clock set warned_at = #{at} where dossier_code = #{code} and warned_at is null")
    int dossierWarned(@Param("code") String code, @Param("at") LocalDateTime at);

    @Select("select version from sla_calendar_version where id = 1")
    long calendarVersion();

    @Update("""
            update sla_calendar_version
               set version = version + 1, reloaded_at = #{at}, reloaded_by = #{by}
             where id = 1
            """)
    void raiseCalendarVersion(@Param("at") LocalDateTime at, @Param("by") String by);
}
