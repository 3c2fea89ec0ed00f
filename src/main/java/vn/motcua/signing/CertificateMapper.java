package vn.motcua.signing;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface CertificateMapper {

    /** A row of signing_certificate as stored (Vietnam local times). */
    record Row(
            Long id,
            String holderKind,
            String holder,
            String signerId,
            byte[] certificate,
            String serialNumber,
            String issuer,
            String commonName,
            String organisation,
            LocalDateTime notBefore,
            LocalDateTime notAfter,
            LocalDateTime revokedAt,
            String revocationReason,
            String revokedBy,
            LocalDateTime registeredAt,
            String registeredBy) {}

    String COLUMNS =
            "id, holder_kind, holder, signer_id, certificate, serial_number, issuer, common_name, organisation,"
                    + " not_before, not_after, revoked_at, revocation_reason, revoked_by, registered_at, registered_by";

    @Insert("""
            insert into signing_certificate (holder_kind, holder, signer_id, certificate, serial_number, issuer,
                   common_name, organisation, not_before, not_after, registered_at, registered_by)
            values (#{r.holderKind}, #{r.holder}, #{r.signerId}, #{r.certificate}, #{r.serialNumber}, #{r.issuer},
                   #{r.commonName}, #{r.organisation}, #{r.notBefore}, #{r.notAfter}, #{r.registeredAt},
                   #{r.registeredBy})
            """)
    void insert(@Param("r") Row row);

    @Select("select " + COLUMNS + " from signing_certificate where id = #{id}")
    Optional<Row> find(long id);

    @Select("select " + COLUMNS + " from signing_certificate where issuer = #{issuer} and serial_number = #{serial}")
    Optional<Row> findByIssuerAndSerial(@Param("issuer") String issuer, @Param("serial") String serial);

    /** The holder's certificate in force: the one registered last. */
    @Select("select " + COLUMNS + " from signing_certificate where holder_kind = #{kind} and holder = #{holder}"
            + " order by id desc limit 1")
    Optional<Row> latest(@Param("kind") String kind, @Param("holder") String holder);

    /** Every certificate, or one holder's (of either kind, or of the kind given), holder by holder, newest first. */
    @Select("""
            <script>
            select id, holder_kind, holder, signer_id, certificate, serial_number, issuer, common_name, organisation,
                   not_before, not_after, revoked_at, revocation_reason, revoked_by, registered_at, registered_by
              from signing_certificate
             <where>
               <if test="kind != null">holder_kind = #{kind}</if>
               <if test="holder != null">and holder = #{holder}</if>
             </where>
             order by holder_kind, holder, id desc
            </script>
            """)
    List<Row> list(@Param("kind") String kind, @Param("holder") String holder);

    /** Records the revocation unless one is recorded already: 1 when recorded, 0 otherwise. */
    @Update("""
            update signing_certificate
               set revoked_at = #{at}, revocation_reason = #{reason}, revoked_by = #{by}
             where id = #{id} and revoked_at is null
            """)
    int revoke(
            @Param("id") long id,
            @Param("at") LocalDateTime at,
            @Param("reason") String reason,
            @Param("by") String by);
}
