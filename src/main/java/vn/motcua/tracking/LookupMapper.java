package vn.motcua.tracking;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The lookup counters every node shares (plain update-then-insert: the same SQL on MariaDB and H2). */
@Mapper
interface LookupMapper {

    @Update("""
            update tracking_lookup_count
               set hits = hits + 1
             where client = #{client} and kind = #{kind} and window_start = #{windowStart}
            """)
    int increment(
            @Param("client") String client,
            @Param("kind") String kind,
            @Param("windowStart") LocalDateTime windowStart);

    @Insert("""
            insert into tracking_lookup_count (client, kind, window_start, hits)
            values (#{client}, #{kind}, #{windowStart}, 1)
            """)
    void insertFirst(
            @Param("client") String client,
            @Param("kind") String kind,
            @Param("windowStart") LocalDateTime windowStart);

    @Select("""
            select coalesce(max(hits), 0)
              from tracking_lookup_count
             where client = #{client} and kind = #{kind} and window_start = #{windowStart}
            """)
    int hits(
            @Param("client") String client,
            @Param("kind") String kind,
            @Param("windowStart") LocalDateTime windowStart);

    @Delete("delete from tracking_lookup_count where window_start < #{before}")
    int deleteBefore(LocalDateTime before);

    @Delete("delete from tracking_lookup_count")
    void deleteAll();
}
