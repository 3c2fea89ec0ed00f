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
interface SigningRequestMapper {

    /** A waiting signature as stored. */
    record Row(
            String id,
            String dossierCode,
            String processInstance,
            String documentKind,
            String fileName,
            String holder,
            String signerId,
            String providerReference,
            byte[] document,
            String appearanceKind,
            int appearancePage,
            double appearanceX,
            double appearanceY,
            double appearanceWidth,
            double appearanceHeight,
            String appearanceNote,
            long signingTimeMs,
            String signatureLevel,
            byte[] dataToSign,
            String state,
            String reason,
            String signedDocument,
            LocalDateTime createdAt,
            LocalDateTime finishedAt) {}

    @Insert("""
            insert into signing_request (id, dossier_code, process_instance, document_kind, file_name, holder,
                   signer_id, provider_reference, document, appearance_kind, appearance_page, appearance_x,
                   appearance_y, appearance_width, appearance_height, appearance_note, signing_time_ms,
                   signature_level, data_to_sign, state, created_at)
            values (#{r.id}, #{r.dossierCode}, #{r.processInstance}, #{r.documentKind}, #{r.fileName}, #{r.holder},
                   #{r.signerId}, #{r.providerReference}, #{r.document}, #{r.appearanceKind}, #{r.appearancePage},
                   #{r.appearanceX}, #{r.appearanceY}, #{r.appearanceWidth}, #{r.appearanceHeight},
                   #{r.appearanceNote}, #{r.signingTimeMs}, #{r.signatureLevel}, #{r.dataToSign}, 'PENDING',
                   #{r.createdAt})
            """)
    void insert(@Param("r") Row row);

    @Select("select id from signing_request where state = 'PENDING' order by created_at limit #{limit}")
    List<String> pending(@Param("limit") int limit);

    /** The row, locked: one node completes a waiting signature, once. */
    @Select("select * from signing_request where id = #{id} for update")
    Optional<Row> lock(@Param("id") String id);

    @Select("select * from signing_request where id = #{id}")
    Optional<Row> find(@Param("id") String id);

    @Select("select * from signing_request where dossier_code = #{code} order by created_at")
    List<Row> ofDossier(@Param("code") String dossierCode);

    @Select("select * from signing_request where holder = #{holder} and state = 'PENDING' order by created_at")
    List<Row> pendingFor(@Param("holder") String holder);

    @Update("""
            update signing_request
               set state = #{state}, reason = #{reason}, signed_document = #{document}, finished_at = #{at}
             where id = #{id} and state = 'PENDING'
            """)
    int finish(
            @Param("id") String id,
            @Param("state") String state,
            @Param("reason") String reason,
            @Param("document") String signedDocument,
            @Param("at") LocalDateTime at);
}
