package vn.motcua.signing;

import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Insert and read only: a signed document is never changed. */
@Mapper
interface SignedDocumentMapper {

    String COLUMNS = "id, dossier_code, kind, revision, file_name, size_bytes, sha256, signers, created_at";

    @Insert("""
            insert into signed_document (id, dossier_code, kind, revision, file_name, size_bytes, sha256, signers,
                   content, created_at)
            values (#{d.id}, #{d.dossierCode}, #{d.kind}, #{d.revision}, #{d.fileName}, #{d.sizeBytes}, #{d.sha256},
                   #{d.signers}, #{content}, #{d.createdAt})
            """)
    void insert(@Param("d") SignedDocument document, @Param("content") byte[] content);

    @Select("select coalesce(max(revision), 0) from signed_document where dossier_code = #{code} and kind = #{kind}")
    int lastRevision(@Param("code") String dossierCode, @Param("kind") String kind);

    @Select("select " + COLUMNS + " from signed_document where dossier_code = #{code} and kind = #{kind}"
            + " order by revision desc limit 1")
    Optional<SignedDocument> latest(@Param("code") String dossierCode, @Param("kind") String kind);

    @Select("select " + COLUMNS + " from signed_document where id = #{id}")
    Optional<SignedDocument> find(@Param("id") String id);

    @Select("select content from signed_document where id = #{id}")
    Optional<byte[]> content(@Param("id") String id);
}
