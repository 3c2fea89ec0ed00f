package vn.motcua.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.cursor.Cursor;

/** The counters of report II.06a (DayCounts) and the dossier rows they are made from. */
@Mapper
interface CountsMapper {

    String KEY = "agency_code = #{agency} and sector = #{sector} and span = #{span} and count_day = #{day}";

    /** The dossier's reporting row, locked until the transaction ends: its events change it one at a time. */
    @Select("select" + ReportingMapper.ROW + "from reporting_dossier where dossier_code = #{code} for update")
    ReportedDossier lock(String code);

    @Select("select" + ReportingMapper.ROW + "from reporting_dossier where dossier_code = #{code}")
    ReportedDossier row(String code);

    /** Every reporting row, read as a stream. */
    @Select("select" + ReportingMapper.ROW + "from reporting_dossier")
    @Options(fetchSize = 2000)
    Cursor<ReportedDossier> all();

    /** Adds {@code n} (one value per DayCounts.Counter, in its order) to a row of counters; 0 if it has none yet. */
    @Update("""
            update reporting_count
               set received_online = received_online + #{n[0]},
                   received_direct = received_direct + #{n[1]},
                   excluded_received_online = excluded_received_online + #{n[2]},
                   excluded_received_direct = excluded_received_direct + #{n[3]},
                   closed_early = closed_early + #{n[4]},
                   closed_on_time = closed_on_time + #{n[5]},
                   closed_late = closed_late + #{n[6]},
                   excluded_closed_online = excluded_closed_online + #{n[7]},
                   excluded_closed_direct = excluded_closed_direct + #{n[8]},
                   due_open = due_open + #{n[9]},
                   closed_overdue = closed_overdue + #{n[10]}
             where""" + " " + KEY)
    int add(
            @Param("agency") String agency,
            @Param("sector") String sector,
            @Param("span") String span,
            @Param("day") LocalDate day,
            @Param("n") int[] n);

    /** A row of counters to insert. */
    record Row(String agency, String sector, String span, LocalDate day, int[] n) {}

    /** Inserts these rows of counters in one statement; fails with a duplicate key when one is there already. */
    @Insert("""
            <script>
            insert into reporting_count
                   (agency_code, sector, span, count_day, received_online, received_direct, excluded_received_online,
                    excluded_received_direct, closed_early, closed_on_time, closed_late, excluded_closed_online,
                    excluded_closed_direct, due_open, closed_overdue)
            values
            <foreach collection="rows" item="r" separator=",">
                   (#{r.agency}, #{r.sector}, #{r.span}, #{r.day}, #{r.n[0],javaType=int}, #{r.n[1],javaType=int}, #{r.n[2],javaType=int}, #{r.n[3],javaType=int}, #{r.n[4],javaType=int},
                    #{r.n[5],javaType=int}, #{r.n[6],javaType=int}, #{r.n[7],javaType=int}, #{r.n[8],javaType=int}, #{r.n[9],javaType=int}, #{r.n[10],javaType=int})
            </foreach>
            </script>
            """)
    void insertAll(@Param("rows") List<Row> rows);

    @Delete("delete from reporting_count")
    int deleteAll();

    /**
     * Per sector, the counters summed over the days before {@code day}: the months before its month, then its month's
     * days before it. Columns named as DayCounts.Counter.
     */
    @Select("""
            <script>
            select sector, sum(received_online) as received_online, sum(received_direct) as received_direct,
                   sum(excluded_received_online) as excluded_received_online,
                   sum(excluded_received_direct) as excluded_received_direct, sum(closed_early) as closed_early,
                   sum(closed_on_time) as closed_on_time, sum(closed_late) as closed_late,
                   sum(excluded_closed_online) as excluded_closed_online,
                   sum(excluded_closed_direct) as excluded_closed_direct, sum(due_open) as due_open,
                   sum(closed_overdue) as closed_overdue
              from reporting_count
             where ((span = 'M' and count_day &lt; #{month})
                    or (span = 'D' and count_day &gt;= #{month} and count_day &lt; #{day}))
               <if test="agency != null">and agency_code = #{agency}</if>
             group by sector
            </script>
            """)
    List<Map<String, Object>> before(
            @Param("month") LocalDate month, @Param("day") LocalDate day, @Param("agency") String agency);

    /** Received before {@code from}, refused or stopped in [from, to): those a setting may exclude. */
    @Select("<script>select" + ReportingMapper.ROW + """
              from reporting_dossier
             where ((refused_at &gt;= #{from} and refused_at &lt; #{to}) or (stopped_at &gt;= #{from} and stopped_at &lt; #{to}))
               and received_at &lt; #{from}
               <if test="agency != null">and agency_code = #{agency}</if>
            </script>
            """)
    List<ReportedDossier> refusedOrStoppedIn(
            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to, @Param("agency") String agency);

    /** Due (originally or after an apology) in [from, to). */
    @Select("<script>select" + ReportingMapper.ROW + """
              from reporting_dossier
             where ((due_at &gt;= #{from} and due_at &lt; #{to}) or (extended_due_at &gt;= #{from} and extended_due_at &lt; #{to}))
               <if test="agency != null">and agency_code = #{agency}</if>
            </script>
            """)
    List<ReportedDossier> dueIn(
            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to, @Param("agency") String agency);

    /** The settings the counters were made under (empty before the first counting), locked. */
    @Select("select settings from reporting_counting where id = 1 for update")
    String lockSettings();

    @Update("update reporting_counting set settings = #{settings}, counted_at = current_timestamp where id = 1")
    int updateSettings(String settings);
}
