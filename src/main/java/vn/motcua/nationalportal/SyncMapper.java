package vn.motcua.nationalportal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The sync queue ({@code portal_sync}) and what the portal accepted per dossier ({@code portal_dossier}). */
@Mapper
interface SyncMapper {

    /** One thing to send: a RECORD (the dossier's record as it is when sent) or a PROGRESS (one processing step). */
    record Row(
            long id,
            String dossierCode,
            String kind,
            String idemKey,
            String eventJson,
            LocalDateTime occurredAt,
            String status,
            int attempts,
            String lastError,
            LocalDateTime createdAt,
            LocalDateTime sentAt) {}

    /** A dossier as the portal link knows it. */
    record Known(
            String dossierCode,
            String portalCode,
            String agencyCode,
            LocalDateTime receivedAt,
            String recordSha256,
            LocalDateTime recordAcceptedAt) {}

    /** A row to queue, as {@link #insertAll} writes it. */
    record NewRow(
            String dossierCode,
            String kind,
            String idemKey,
            String eventJson,
            LocalDateTime occurredAt,
            LocalDateTime createdAt) {}

    /** Several rows in one statement, numbered in the list's order. */
    @Insert("""
            <script>
            insert into portal_sync (dossier_code, kind, idem_key, event_json, occurred_at, status, created_at) values
            <foreach collection="rows" item="r" separator=",">
                (#{r.dossierCode}, #{r.kind}, #{r.idemKey}, #{r.eventJson}, #{r.occurredAt}, 'PENDING', #{r.createdAt})
            </foreach>
            </script>
            """)
    void insertAll(@Param("rows") List<NewRow> rows);

    /** The events a record is built from besides the dossier's tables: extensions of the appointment, sealed results. */
    @Select("""
            select * from portal_sync
             where dossier_code = #{code} and (idem_key like 'apology:%' or idem_key like 'sealed:%')
             order by id
            """)
    List<Row> keptEvents(@Param("code") String dossierCode);

    @Insert("""
            insert into portal_dossier (dossier_code, agency_code, received_at)
            values (#{code}, #{agency}, #{receivedAt})
            """)
    void insertKnown(
            @Param("code") String dossierCode,
            @Param("agency") String agencyCode,
            @Param("receivedAt") LocalDateTime receivedAt);

    @Update("update portal_dossier set portal_code = #{portalCode} where dossier_code = #{code}")
    int setPortalCode(@Param("code") String dossierCode, @Param("portalCode") String portalCode);

    @Select("select * from portal_dossier where dossier_code = #{code}")
    Optional<Known> known(@Param("code") String dossierCode);

    @Select("select * from portal_dossier where portal_code = #{portalCode}")
    Optional<Known> byPortalCode(@Param("portalCode") String portalCode);

    /**
     * The first unsent row of each dossier that has one, if it is due: the next thing to send per dossier, in order.
     * A dossier whose first unsent row is PARKED does not appear: it waits for the operator.
     */
    @Select("""
            select s.* from portal_sync s
              join (select dossier_code, min(id) as id from portal_sync
                     where status in ('PENDING', 'PARKED') group by dossier_code) h on h.id = s.id
             where s.status = 'PENDING'
             order by s.id
             limit #{limit}
            """)
    List<Row> heads(@Param("limit") int limit);

    @Update("update portal_sync set status = 'SENT', sent_at = #{at}, attempts = attempts + 1 where id = #{id}")
    int sent(@Param("id") long id, @Param("at") LocalDateTime at);

    /** Rows of a dossier the portal is not told about (another agency's, or gone): SKIPPED, visible as such. */
    @Update("""
            update portal_sync set status = 'SKIPPED', sent_at = #{at}
             where dossier_code = #{code} and status = 'PENDING'
            """)
    int skipped(@Param("code") String dossierCode, @Param("at") LocalDateTime at);

    @Update("""
            <script>
            update portal_sync set status = 'SENT', sent_at = #{at}, attempts = attempts + 1
             where id in <foreach item="id" collection="ids" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    int sentAll(@Param("ids") List<Long> ids, @Param("at") LocalDateTime at);

    @Update("""
            update portal_sync set status = 'PARKED', last_error = #{reason}, attempts = attempts + 1
             where id = #{id} and status = 'PENDING'
            """)
    int park(@Param("id") long id, @Param("reason") String reason);

    @Update("update portal_sync set last_error = #{reason}, attempts = attempts + 1 where id = #{id}")
    int failed(@Param("id") long id, @Param("reason") String reason);

    @Update("""
            update portal_dossier set record_sha256 = #{sha256}, record_accepted_at = #{at}
             where dossier_code = #{code}
            """)
    int recordAccepted(
            @Param("code") String dossierCode, @Param("sha256") String sha256, @Param("at") LocalDateTime at);

    @Update("update portal_sync set status = 'PENDING', last_error = null where id = #{id} and status = 'PARKED'")
    int retry(@Param("id") long id);

    @Select("select * from portal_sync where id = #{id}")
    Optional<Row> find(@Param("id") long id);

    @Select("""
            <script>
            select * from portal_sync
            <where>
              <if test="status != null"> status = #{status} </if>
              <if test="code != null"> and dossier_code = #{code} </if>
            </where>
            order by id desc limit #{limit}
            </script>
            """)
    List<Row> list(@Param("status") String status, @Param("code") String dossierCode, @Param("limit") int limit);

    @Select("select status, count(*) as n from portal_sync group by status")
    List<StatusCount> statusCounts();

    record StatusCount(String status, long n) {}

    @Select("select min(occurred_at) from portal_sync where status = 'PENDING'")
    LocalDateTime oldestPending();

    /**
     * Per agency, the dossiers received in [from, to): all known to the link, those whose record the portal has
     * (synced), and those with nothing left to send (up to date).
     */
    @Select("""
            <script>
            select d.agency_code as agency, count(*) as known,
                   sum(case when d.record_accepted_at is not null then 1 else 0 end) as synced,
                   sum(case when d.record_accepted_at is not null
                             and not exists (select 1 from portal_sync s where s.dossier_code = d.dossier_code
                                              and s.status in ('PENDING', 'PARKED')) then 1 else 0 end) as upToDate
              from portal_dossier d
             where d.received_at &gt;= #{from} and d.received_at &lt; #{to}
               <if test="agency != null"> and d.agency_code = #{agency} </if>
             group by d.agency_code order by d.agency_code
            </script>
            """)
    List<AgencyCount> counts(
            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to, @Param("agency") String agency);

    record AgencyCount(String agency, long known, long synced, long upToDate) {}

    /** The dossiers of [from, to) the portal does not have as they are: never accepted, or with rows unsent. */
    @Select("""
            <script>
            select d.dossier_code as dossierCode, d.portal_code as portalCode, d.agency_code as agencyCode,
                   d.received_at as receivedAt, d.record_accepted_at as recordAcceptedAt,
                   (select count(*) from portal_sync s where s.dossier_code = d.dossier_code
                     and s.status = 'PENDING') as pending,
                   (select count(*) from portal_sync s where s.dossier_code = d.dossier_code
                     and s.status = 'PARKED') as parked,
                   (select max(s.last_error) from portal_sync s where s.dossier_code = d.dossier_code
                     and s.status in ('PENDING', 'PARKED')) as lastError
              from portal_dossier d
             where d.received_at &gt;= #{from} and d.received_at &lt; #{to}
               <if test="agency != null"> and d.agency_code = #{agency} </if>
               and (d.record_accepted_at is null
                    or exists (select 1 from portal_sync s where s.dossier_code = d.dossier_code
                                and s.status in ('PENDING', 'PARKED')))
             order by d.received_at limit #{limit}
            </script>
            """)
    List<Unsynced> unsynced(
            @Param("from") LocalDateTime from,
            @Param("to") LocalDateTime to,
            @Param("agency") String agency,
            @Param("limit") int limit);

    record Unsynced(
            String dossierCode,
            String portalCode,
            String agencyCode,
            LocalDateTime receivedAt,
            LocalDateTime recordAcceptedAt,
            long pending,
            long parked,
            String lastError) {}

    @Select("""
            <script>
            select dossier_code from portal_dossier
             where received_at &gt;= #{from} and received_at &lt; #{to}
               <if test="agency != null"> and agency_code = #{agency} </if>
             order by received_at
            </script>
            """)
    List<String> codesReceived(
            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to, @Param("agency") String agency);

    /** A re-sync sends every row of the dossier again (the portal keeps a record once and a progress item once). */
    @Update("""
            update portal_sync set status = 'PENDING', last_error = null
             where dossier_code = #{code} and status in ('SENT', 'PARKED')
            """)
    int resendAll(@Param("code") String dossierCode);

    @Update("update portal_dossier set record_sha256 = null where dossier_code = #{code}")
    int forgetRecord(@Param("code") String dossierCode);
}
