package vn.motcua.catalog;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The procedure versions, the version in force now as {@code catalog_procedure} holds it, and the imports. */
@Mapper
interface VersionMapper {

    record Budget(String taskKey, String budget) {}

    record Latest(int version, LocalDate effectiveFrom) {}

    record Due(String code, int version) {}

    /** What {@code catalog_import} keeps of an import, the report as its JSON text. */
    record ImportRow(
            long id,
            LocalDateTime importedAt,
            String importedBy,
            String fileName,
            String sha256,
            String format,
            LocalDate effectiveFrom,
            int procedures,
            int newProcedures,
            int newVersions,
            int unchanged,
            String report) {}

    /** Receives the id the database gives a new import. */
    final class GeneratedId {
        Long id;
    }

    @Select("""
            select v.procedure_code as code, v.name, v.sector, v.agency_code, a.name as agency_name, v.legal_time,
                   v.time_unit, v.cut_off, v.fee, v.online_level, v.process_key, v.start_form, v.reception_unit,
                   v.handling_unit, v.effective_from, v.source_note, v.handoff_only, v.version
              from catalog_procedure_version v join agency a on a.code = v.agency_code
             where v.procedure_code = #{code} and v.version = #{version}
            """)
    Optional<CatalogMapper.ProcedureRow> find(@Param("code") String code, @Param("version") int version);

    @Select("""
            select code, name, required
              from catalog_version_component
             where procedure_code = #{code} and version = #{version}
             order by position
            """)
    List<Procedure.Component> components(@Param("code") String code, @Param("version") int version);

    @Select("""
            select task_key, budget
              from catalog_version_step_budget
             where procedure_code = #{code} and version = #{version}
             order by task_key
            """)
    List<Budget> stepBudgets(@Param("code") String code, @Param("version") int version);

    @Select("""
            select budget
              from catalog_version_step_budget
             where procedure_code = #{code} and version = #{version} and task_key = #{taskKey}
            """)
    Optional<String> stepBudget(
            @Param("code") String code, @Param("version") int version, @Param("taskKey") String taskKey);

    /** The highest version in force on that day: versions come in the order of their effective dates. */
    @Select("""
            select version
              from catalog_procedure_version
             where procedure_code = #{code} and effective_from <= #{day}
             order by version desc
             limit 1
            """)
    Optional<Integer> inForceOn(@Param("code") String code, @Param("day") LocalDate day);

    @Select("""
            select version, effective_from
              from catalog_procedure_version
             where procedure_code = #{code}
             order by version desc
             limit 1
            """)
    Optional<Latest> latest(String code);

    @Select("""
            select version, effective_from, import_id
              from catalog_procedure_version
             where procedure_code = #{code}
             order by version
            """)
    List<ProcedureVersion.Dated> versions(String code);

    /** Versions in force on that day that {@code catalog_procedure} does not hold yet: the highest of each code. */
    @Select("""
            select v.procedure_code as code, max(v.version) as version
              from catalog_procedure_version v left join catalog_procedure p on p.code = v.procedure_code
             where v.effective_from <= #{day}
             group by v.procedure_code, p.version
            having p.version is null or max(v.version) > p.version
            """)
    List<Due> due(LocalDate day);

    @Insert("""
            insert into catalog_procedure_version (procedure_code, version, effective_from, name, sector, agency_code,
                   legal_time, time_unit, cut_off, fee, online_level, process_key, start_form, reception_unit,
                   handling_unit, source_note, handoff_only, import_id)
            values (#{p.code}, #{p.version}, #{p.effectiveFrom}, #{p.name}, #{p.sector}, #{p.agencyCode},
                   #{p.legalTime}, #{p.timeUnit}, #{p.cutOff}, #{p.fee}, #{p.onlineLevel}, #{p.processKey},
                   #{p.startForm}, #{p.receptionUnit}, #{p.handlingUnit}, #{p.sourceNote}, #{p.handoffOnly},
                   #{importId})
            """)
    void insert(@Param("p") Procedure procedure, @Param("importId") Long importId);

    @Insert("""
            <script>
            insert into catalog_version_component (procedure_code, version, position, code, name, required) values
            <foreach collection="p.components" item="c" index="i" separator=",">
                (#{p.code}, #{p.version}, #{i}, #{c.code}, #{c.name}, #{c.required})
            </foreach>
            </script>
            """)
    void insertComponents(@Param("p") Procedure procedure);

    @Insert("""
            <script>
            insert into catalog_version_step_budget (procedure_code, version, task_key, budget) values
            <foreach collection="budgets" index="task" item="budget" separator=",">
                (#{p.code}, #{p.version}, #{task}, #{budget})
            </foreach>
            </script>
            """)
    void insertStepBudgets(@Param("p") Procedure procedure, @Param("budgets") Map<String, String> budgets);

    /** The version {@code catalog_procedure} holds, kept as a version before an import supersedes it. */
    @Insert("""
            insert into catalog_procedure_version (procedure_code, version, effective_from, name, sector, agency_code,
                   legal_time, time_unit, cut_off, fee, online_level, process_key, start_form, reception_unit,
                   handling_unit, source_note, handoff_only)
            select code, version, effective_from, name, sector, agency_code, legal_time, time_unit, cut_off, fee,
                   online_level, process_key, start_form, reception_unit, handling_unit, source_note, handoff_only
              from catalog_procedure
             where code = #{code}
            """)
    void keepLive(String code);

    @Insert("""
            insert into catalog_version_component (procedure_code, version, position, code, name, required)
            select c.procedure_code, p.version, c.position, c.code, c.name, c.required
              from catalog_component c join catalog_procedure p on p.code = c.procedure_code
             where c.procedure_code = #{code}
            """)
    void keepLiveComponents(String code);

    @Insert("""
            insert into catalog_version_step_budget (procedure_code, version, task_key, budget)
            select b.procedure_code, p.version, b.task_key, b.budget
              from catalog_step_budget b join catalog_procedure p on p.code = b.procedure_code
             where b.procedure_code = #{code}
            """)
    void keepLiveStepBudgets(String code);

    @Update("""
            update catalog_procedure
               set name = #{p.name}, sector = #{p.sector}, agency_code = #{p.agencyCode}, legal_time = #{p.legalTime},
                   time_unit = #{p.timeUnit}, cut_off = #{p.cutOff}, fee = #{p.fee}, online_level = #{p.onlineLevel},
                   process_key = #{p.processKey}, start_form = #{p.startForm}, reception_unit = #{p.receptionUnit},
                   handling_unit = #{p.handlingUnit}, effective_from = #{p.effectiveFrom},
                   source_note = #{p.sourceNote}, handoff_only = #{p.handoffOnly}, version = #{p.version},
                   search_name = #{f.name}, search_text = #{f.text}
             where code = #{p.code}
            """)
    int updateLive(@Param("p") Procedure procedure, @Param("f") SearchText.Folded folded);

    @Insert("""
            insert into catalog_procedure (code, name, sector, agency_code, legal_time, time_unit, cut_off, fee,
                   online_level, process_key, start_form, reception_unit, handling_unit, effective_from, source_note,
                   handoff_only, version, search_name, search_text)
            values (#{p.code}, #{p.name}, #{p.sector}, #{p.agencyCode}, #{p.legalTime}, #{p.timeUnit}, #{p.cutOff},
                   #{p.fee}, #{p.onlineLevel}, #{p.processKey}, #{p.startForm}, #{p.receptionUnit}, #{p.handlingUnit},
                   #{p.effectiveFrom}, #{p.sourceNote}, #{p.handoffOnly}, #{p.version}, #{f.name}, #{f.text})
            """)
    void insertLive(@Param("p") Procedure procedure, @Param("f") SearchText.Folded folded);

    @Delete("delete from catalog_component where procedure_code = #{code}")
    void deleteLiveComponents(String code);

    @Delete("delete from catalog_step_budget where procedure_code = #{code}")
    void deleteLiveStepBudgets(String code);

    @Insert("""
            insert into catalog_component (procedure_code, position, code, name, required)
            select procedure_code, position, code, name, required
              from catalog_version_component
             where procedure_code = #{code} and version = #{version}
            """)
    void copyComponentsToLive(@Param("code") String code, @Param("version") int version);

    @Insert("""
            insert into catalog_step_budget (procedure_code, task_key, budget)
            select procedure_code, task_key, budget
              from catalog_version_step_budget
             where procedure_code = #{code} and version = #{version}
            """)
    void copyStepBudgetsToLive(@Param("code") String code, @Param("version") int version);

    @Insert("""
            insert into catalog_import (imported_at, imported_by, file_name, sha256, format, effective_from,
                   procedures, new_procedures, new_versions, unchanged, report)
            values (#{r.importedAt}, #{r.importedBy}, #{r.fileName}, #{r.sha256}, #{r.format}, #{r.effectiveFrom},
                   #{r.procedures}, #{r.newProcedures}, #{r.newVersions}, #{r.unchanged}, #{r.report})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertImport(@Param("r") ImportRow row, @Param("key") GeneratedId key);

    @Select("select count(*) from catalog_import where sha256 = #{sha256}")
    int importsOf(String sha256);

    @Update("update catalog_import set report = #{report} where id = #{id}")
    void importReport(@Param("id") long id, @Param("report") String report);

    @Select("""
            select id, imported_at, imported_by, file_name, sha256, format, effective_from, procedures,
                   new_procedures, new_versions, unchanged, '' as report
              from catalog_import
             order by id desc
             limit 200
            """)
    List<ImportRow> imports();

    @Select("""
            select id, imported_at, imported_by, file_name, sha256, format, effective_from, procedures,
                   new_procedures, new_versions, unchanged, report
              from catalog_import
             where id = #{id}
            """)
    Optional<ImportRow> importById(long id);
}
