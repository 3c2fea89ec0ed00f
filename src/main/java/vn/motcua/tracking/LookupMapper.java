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

    /** A client's two counters at once: its misses in one window and its lookups in another. */
    record Hits(int misses, int lookups) {}

    @Select("""
            select coalesce(sum(case when kind = 'MISS' then hits end), 0) as misses,
                   coalesce(sum(case when kind = 'LOOKUP' then hits end), 0) as lookups
              from tracking_lookup_count
             where client = #{client}
               and (kind = 'MISS' and window_start = #{missWindow} or kind = 'LOOKUP' and window_start = #{lookupWindow})
            """)
    Hits both(
            @Param("client") String client,
            @Param("missWindow") LocalDateTime missWindow,
            @Param("lookupWindow") LocalDateTime lookupWindow);

    @Delete("delete from tracking_lookup_count where window_start < #{before}")
    int deleteBefore(LocalDateTime before);

    @Delete("delete from tracking_lookup_count")
    void deleteAll();
}
