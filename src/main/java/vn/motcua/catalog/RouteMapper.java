package vn.motcua.catalog;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface RouteMapper {

    @Select("""
            select agency_code, procedure_code, role, group_id, changed_by, changed_at
              from department_route
             where #{agency} is null or agency_code = #{agency}
             order by agency_code, procedure_code, role
            """)
    List<DepartmentRoute> list(@Param("agency") String agency);

    /** Whether the catalogue has (or had, in a kept version) a procedure of that code. */
    @Select("""
            select count(*) from catalog_procedure where code = #{code}
            union all
            select count(*) from catalog_procedure_version where procedure_code = #{code}
            """)
    List<Integer> procedureCounts(String code);

    @Delete("""
            delete from department_route
             where agency_code = #{agencyCode} and procedure_code = #{procedureCode} and role = #{role}
            """)
    void delete(DepartmentRoute route);

    @Insert("""
            insert into department_route (agency_code, procedure_code, role, group_id, changed_by, changed_at)
            values (#{agencyCode}, #{procedureCode}, #{role}, #{groupId}, #{changedBy}, #{changedAt})
            """)
    void insert(DepartmentRoute route);
}
