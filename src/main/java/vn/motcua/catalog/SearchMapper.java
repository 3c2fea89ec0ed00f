package vn.motcua.catalog;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Catalogue search over the folded text of {@code catalog_procedure}: its SQL is in {@code SearchMapper.xml}. */
@Mapper
interface SearchMapper {

    record Unfolded(String code, String name, String sector) {}

    List<ProcedureSearch.Item> page(@Param("q") ProcedureSearch.Query query);

    List<ProcedureSearch.SectorCount> sectors(@Param("q") ProcedureSearch.Query query);

    List<Unfolded> unfolded();

    int fold(@Param("code") String code, @Param("f") SearchText.Folded folded);
}
