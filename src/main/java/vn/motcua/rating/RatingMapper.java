package vn.motcua.rating;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface RatingMapper {

    /** A rating row as stored. */
    record Row(
            String dossierCode,
            String agencyCode,
            String channel,
            int c1,
            int c2,
            int c3,
            int c4,
            int c5,
            int c6,
            int c7,
            int c8,
            int c9,
            int total,
            String commentText,
            String ratedBy,
            LocalDateTime firstRatedAt,
            LocalDateTime ratedAt,
            int revision) {

        List<Integer> scores() {
            return List.of(c1, c2, c3, c4, c5, c6, c7, c8, c9);
        }
    }

    String COLUMNS = "dossier_code, agency_code, channel, c1, c2, c3, c4, c5, c6, c7, c8, c9, total, comment_text,"
            + " rated_by, first_rated_at, rated_at, revision";

    @Select("select " + COLUMNS + " from dossier_rating where dossier_code = #{code}")
    Optional<Row> find(String code);

    @Insert("""
            insert into dossier_rating (dossier_code, agency_code, channel, c1, c2, c3, c4, c5, c6, c7, c8, c9, total,
                   comment_text, rated_by, first_rated_at, rated_at, revision)
            values (#{r.dossierCode}, #{r.agencyCode}, #{r.channel}, #{r.c1}, #{r.c2}, #{r.c3}, #{r.c4}, #{r.c5},
                   #{r.c6}, #{r.c7}, #{r.c8}, #{r.c9}, #{r.total}, #{r.commentText}, #{r.ratedBy},
                   #{r.firstRatedAt}, #{r.ratedAt}, #{r.revision})
            """)
    void insert(@Param("r") Row row);

    @Update("""
            update dossier_rating
               set channel = #{r.channel}, c1 = #{r.c1}, c2 = #{r.c2}, c3 = #{r.c3}, c4 = #{r.c4}, c5 = #{r.c5},
                   c6 = #{r.c6}, c7 = #{r.c7}, c8 = #{r.c8}, c9 = #{r.c9}, total = #{r.total},
                   comment_text = #{r.commentText}, rated_by = #{r.ratedBy}, rated_at = #{r.ratedAt},
                   revision = #{r.revision}
             where dossier_code = #{r.dossierCode}
            """)
    int update(@Param("r") Row row);

    @Delete("delete from dossier_rating_official where dossier_code = #{code}")
    void forgetOfficials(String code);

    @Insert("insert into dossier_rating_official (dossier_code, official) values (#{code}, #{official})")
    void linkOfficial(@Param("code") String code, @Param("official") String official);

    @Select("select official from dossier_rating_official where dossier_code = #{code} order by official")
    List<String> officials(String code);

    /** Ratings first given in [from, to), of one agency or all. */
    @Select("""
            <script>
            select dossier_code, agency_code, channel, c1, c2, c3, c4, c5, c6, c7, c8, c9, total, comment_text,
                   rated_by, first_rated_at, rated_at, revision
              from dossier_rating
             where first_rated_at &gt;= #{from} and first_rated_at &lt; #{to}
               <if test="agency != null">and agency_code = #{agency}</if>
             order by dossier_code
            </script>
            """)
    List<Row> inPeriod(
            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to, @Param("agency") String agency);

    /** Per official: how many ratings of the period name them, and the sum of those ratings' totals. */
    record OfficialSum(String official, int ratings, int totals) {}

    @Select("""
            <script>
            select o.official as official, count(*) as ratings, sum(r.total) as totals
              from dossier_rating r join dossier_rating_official o on o.dossier_code = r.dossier_code
             where r.first_rated_at &gt;= #{from} and r.first_rated_at &lt; #{to}
               <if test="agency != null">and r.agency_code = #{agency}</if>
             group by o.official
             order by o.official
            </script>
            """)
    List<OfficialSum> byOfficial(
            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to, @Param("agency") String agency);
}
