package vn.motcua.reporting;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface SealedResultMapper {

    /** Fails with a duplicate key when the dossier has its row already. */
    @Insert("""
            insert into reporting_sealed_result (dossier_code, document_id, sha256, sealed_at)
            values (#{code}, #{documentId}, #{sha256}, #{sealedAt})
            """)
    void insert(
            @Param("code") String code,
            @Param("documentId") String documentId,
            @Param("sha256") String sha256,
            @Param("sealedAt") LocalDateTime sealedAt);

    /** Only another document sealed after the one recorded replaces it: the same event again changes nothing. */
    @Update("""
            update reporting_sealed_result
               set document_id = #{documentId}, sha256 = #{sha256}, sealed_at = #{sealedAt}
             where dossier_code = #{code} and document_id <> #{documentId} and sealed_at < #{sealedAt}
            """)
    int replaceOlder(
            @Param("code") String code,
            @Param("documentId") String documentId,
            @Param("sha256") String sha256,
            @Param("sealedAt") LocalDateTime sealedAt);

    /** Dossiers resolved (status 9) in a period, and those of them with a sealed electronic result. */
    record Resolved(int resolved, int sealed) {}

    @Select("""
            <script>
            select count(*) as resolved, count(s.dossier_code) as sealed
              from reporting_dossier d
              left join reporting_sealed_result s on s.dossier_code = d.dossier_code
             where d.resolved_at &gt;= #{from} and d.resolved_at &lt; #{to}
               <if test="agency != null">and d.agency_code = #{agency}</if>
            </script>
            """)
    Resolved resolved(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to, @Param("agency") String agency);
}
