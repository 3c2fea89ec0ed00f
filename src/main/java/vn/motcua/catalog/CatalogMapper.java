package vn.motcua.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import vn.motcua.calendar.TimeUnit;

@Mapper
interface CatalogMapper {

    record ProcedureRow(
            String code,
            String name,
            String sector,
            String agencyCode,
            String agencyName,
            int legalTime,
            TimeUnit timeUnit,
            String cutOff,
            String fee,
            Procedure.OnlineLevel onlineLevel,
            String processKey,
            String startForm,
            String receptionUnit,
            String handlingUnit,
            LocalDate effectiveFrom,
            String sourceNote,
            boolean handoffOnly,
            int version) {

        Procedure with(List<Procedure.Component> components) {
            return new Procedure(
                    code,
                    name,
                    sector,
                    agencyCode,
                    agencyName,
                    legalTime,
                    timeUnit,
                    cutOff,
                    fee,
                    onlineLevel,
                    processKey,
                    startForm,
                    receptionUnit,
                    handlingUnit,
                    effectiveFrom,
                    sourceNote,
                    handoffOnly,
                    components,
                    version);
        }
    }

    String PROCEDURE_COLUMNS = """
            p.code, p.name, p.sector, p.agency_code, a.name as agency_name, p.legal_time, p.time_unit, p.cut_off,
            p.fee, p.online_level, p.process_key, p.start_form, p.reception_unit, p.handling_unit, p.effective_from,
            p.source_note, p.handoff_only, p.version
            """;

    @Select("select " + PROCEDURE_COLUMNS + """
              from catalog_procedure p join agency a on a.code = p.agency_code
             where p.code = #{code}
            """)
    Optional<ProcedureRow> findByCode(String code);

    @Select("""
            select p.code, p.name, p.agency_code, a.name as agency_name
              from catalog_procedure p join agency a on a.code = p.agency_code
             where p.code = #{code}
            """)
    Optional<Procedure.Heading> findHeading(String code);

    @Select("select " + PROCEDURE_COLUMNS + """
              from catalog_procedure p join agency a on a.code = p.agency_code
             where (#{text} is null
                    or lower(p.name) like concat('%', lower(#{text}), '%')
                    or lower(p.code) like concat('%', lower(#{text}), '%')
                    or lower(p.sector) like concat('%', lower(#{text}), '%'))
               and (#{agency} is null or p.agency_code = #{agency})
               and p.handoff_only = false
             order by p.code
            """)
    List<ProcedureRow> search(@Param("text") String text, @Param("agency") String agency);

    /** The agencies that have a procedure one may file (the same ones {@link #search} lists), in code order. */
    @Select("select distinct agency_code from catalog_procedure where handoff_only = false order by agency_code")
    List<String> agencyCodes();

    @Select("""
            select code, name, required
              from catalog_component
             where procedure_code = #{code}
             order by position
            """)
    List<Procedure.Component> components(String code);

    @Select("""
            select code, name, unit, symbol, phone
              from agency
             where code = #{code}
            """)
    Optional<Agency> agency(String code);

    @Select("""
            select code, name, unit, symbol, phone
              from agency
             where unit = #{unit}
             order by code
             limit 1
            """)
    Optional<Agency> agencyOfUnit(String unit);

    @Select("select version from catalog_procedure where code = #{code}")
    Optional<Integer> liveVersion(String code);

    /** The agency codes and the units of the registry, for an import's checks. */
    @Select("select code from agency")
    List<String> allAgencyCodes();

    @Select("select distinct unit from agency where unit is not null")
    List<String> units();

    @Select("""
            select task_key, budget
              from catalog_step_budget
             where procedure_code = #{code}
             order by task_key
            """)
    List<VersionMapper.Budget> stepBudgets(String code);

    @Select("""
            select budget
              from catalog_step_budget
             where procedure_code = #{procedure} and task_key = #{taskKey}
            """)
    Optional<String> stepBudget(@Param("procedure") String procedure, @Param("taskKey") String taskKey);
}
