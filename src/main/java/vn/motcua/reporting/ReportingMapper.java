package vn.motcua.reporting;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Every write sets values taken from one event, so that the same event applied again changes nothing. */
@Mapper
interface ReportingMapper {

    /** Fails with a duplicate key when the dossier has its row already. */
    @Insert("""
            insert into reporting_dossier
                   (dossier_code, procedure_code, agency_code, sector, channel, received_at, due_at)
            values (#{code}, #{procedureCode}, #{agencyCode}, #{sector}, #{channel}, #{receivedAt}, #{dueAt})
            """)
    void insert(
            @Param("code") String code,
            @Param("procedureCode") String procedureCode,
            @Param("agencyCode") String agencyCode,
            @Param("sector") String sector,
            @Param("channel") String channel,
            @Param("receivedAt") LocalDateTime receivedAt,
            @Param("dueAt") LocalDateTime dueAt);

    @Select("select count(*) from reporting_dossier where dossier_code = #{code}")
    int exists(String code);

    @Update("update reporting_dossier set due_at = #{dueAt} where dossier_code = #{code}")
    int updateDue(@Param("code") String code, @Param("dueAt") LocalDateTime dueAt);

    @Update("update reporting_dossier set extended_due_at = #{at} where dossier_code = #{code}")
    int updateExtendedDue(@Param("code") String code, @Param("at") LocalDateTime at);

    @Update("""
            update reporting_dossier
               set resolved_at = #{at}, due_at = #{dueAt}, timeliness = #{timeliness}
             where dossier_code = #{code}
            """)
    int resolved(
            @Param("code") String code,
            @Param("at") LocalDateTime at,
            @Param("dueAt") LocalDateTime dueAt,
            @Param("timeliness") String timeliness);

    @Update("update reporting_dossier set refused_at = #{at} where dossier_code = #{code}")
    int refused(@Param("code") String code, @Param("at") LocalDateTime at);

    @Update("update reporting_dossier set stopped_at = #{at}, withdrawn = #{withdrawn} where dossier_code = #{code}")
    int stopped(@Param("code") String code, @Param("at") LocalDateTime at, @Param("withdrawn") boolean withdrawn);

    @Update("update reporting_dossier set returned_at = #{at} where dossier_code = #{code}")
    int returned(@Param("code") String code, @Param("at") LocalDateTime at);

    @Delete("delete from reporting_dossier")
    int deleteAll();

    /** The columns of a {@link ReportedDossier}, in its order. */
    String ROW = " dossier_code, sector, channel, received_at, due_at, extended_due_at, resolved_at, refused_at,"
            + " stopped_at, withdrawn, agency_code ";

    /** The dossiers a period [from, to) can count: received before its end, and not closed before its start. */
    @Select("<script>select" + ROW + """
              from reporting_dossier
             where received_at &lt; #{to}
               and (resolved_at is null or resolved_at &gt;= #{from})
               and (refused_at is null or refused_at &gt;= #{from})
               and (stopped_at is null or stopped_at &gt;= #{from})
               <if test="agency != null">and agency_code = #{agency}</if>
             order by sector, dossier_code
            </script>
            """)
    List<ReportedDossier> inPeriod(
            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to, @Param("agency") String agency);

    /** The procedures that received at least one online dossier in [from, to), of one agency or all. */
    @Select("""
            <script>
            select distinct procedure_code
              from reporting_dossier
             where channel = 'ONLINE' and received_at &gt;= #{from} and received_at &lt; #{to}
               <if test="agency != null">and agency_code = #{agency}</if>
            </script>
            """)
    List<String> proceduresFiledOnline(
            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to, @Param("agency") String agency);

    /** The agencies with dossiers received before {@code to}, in code order. */
    @Select("select distinct agency_code from reporting_dossier where received_at < #{to} order by agency_code")
    List<String> agencies(@Param("to") LocalDateTime to);

    /** Per procedure, of the dossiers resolved in [from, to): how many, how many late. */
    record LateProcedure(String code, int resolved, int late) {}

    @Select("""
            <script>
            select procedure_code as code, count(*) as resolved,
                   sum(case when timeliness = 'LATE' then 1 else 0 end) as late
              from reporting_dossier
             where resolved_at &gt;= #{from} and resolved_at &lt; #{to}
               <if test="agency != null">and agency_code = #{agency}</if>
             group by procedure_code
            having sum(case when timeliness = 'LATE' then 1 else 0 end) &gt; 0
             order by late desc, code
             limit #{limit}
            </script>
            """)
    List<LateProcedure> lateProcedures(
            @Param("from") LocalDateTime from,
            @Param("to") LocalDateTime to,
            @Param("agency") String agency,
            @Param("limit") int limit);

    /** A dossier not closed yet, with the due time in force (an apology's new date if one was given). */
    record Open(
            String dossierCode,
            String procedureCode,
            String agencyCode,
            LocalDateTime receivedAt,
            LocalDateTime dueAt) {}

    /** Not closed, due (the apology's new date if any) in [from, to), of one agency or all. */
    String OPEN_DUE_BETWEEN = """
              from reporting_dossier
             where resolved_at is null and refused_at is null and stopped_at is null
               and coalesce(extended_due_at, due_at) &gt;= #{from} and coalesce(extended_due_at, due_at) &lt; #{to}
               <if test="agency != null">and agency_code = #{agency}</if>
            """;

    @Select("<script>select dossier_code, procedure_code, agency_code, received_at,"
            + " coalesce(extended_due_at, due_at) as due_at"
            + OPEN_DUE_BETWEEN
            + " order by coalesce(extended_due_at, due_at), dossier_code limit #{limit}</script>")
    List<Open> openDueBetween(
            @Param("from") LocalDateTime from,
            @Param("to") LocalDateTime to,
            @Param("agency") String agency,
            @Param("limit") int limit);

    @Select("<script>select count(*)" + OPEN_DUE_BETWEEN + "</script>")
    int countOpenDueBetween(
            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to, @Param("agency") String agency);
}
