package vn.motcua.catalog;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The folded text of {@code catalog_procedure} that catalogue search compares, and the number its changes raise: its
 * SQL is in {@code SearchMapper.xml}.
 */
@Mapper
interface SearchMapper {

    record Unfolded(String code, String name, String sector) {}

    List<SearchIndex.Row> searchable();

    long generation();

    /** Holds the generation's row until the transaction ends: catalogue imports take their turn. */
    long lock();

    /** Raises the generation: in the transaction that changes what search finds. */
    void changed();

    List<Unfolded> unfolded();

    int fold(@Param("code") String code, @Param("f") SearchText.Folded folded);
}
