package vn.motcua.tracking;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The lookup counters every node shares (plain update-then-insert: the same SQL on MariaDB and H2), added to once a second. */
@Mapper
interface LookupMapper {

    @Update("""
            update tracking_lookup_count
               set hits = hits + #{n}
             where client = #{client} and kind = #{kind} and window_start = #{windowStart}
            """)
    int add(
            @Param("client") String client,
            @Param("kind") String kind,
            @Param("windowStart") LocalDateTime windowStart,
            @Param("n") long n);

    @Insert("""
            insert into tracking_lookup_count (client, kind, window_start, hits)
            values (#{client}, #{kind}, #{windowStart}, #{n})
            """)
    void insertFirst(
            @Param("client") String client,
            @Param("kind") String kind,
            @Param("windowStart") LocalDateTime windowStart,
            @Param("n") long n);

    record Count(String client, String kind, LocalDateTime windowStart, long hits) {}

    /** The shared counters of the current windows at or past the given counts: the clients near a limit. */
    @Select("""
            select client, kind, window_start, hits
              from tracking_lookup_count
             where kind = 'MISS' and window_start = #{missWindow} and hits >= #{misses}
                or kind = 'LOOKUP' and window_start = #{lookupWindow} and hits >= #{lookups}
            """)
    @ConstructorArgs({
        @Arg(column = "client", javaType = String.class),
        @Arg(column = "kind", javaType = String.class),
        @Arg(column = "window_start", javaType = LocalDateTime.class),
        @Arg(column = "hits", javaType = long.class)
    })
    List<Count> pastHalf(
            @Param("missWindow") LocalDateTime missWindow,
            @Param("misses") long misses,
            @Param("lookupWindow") LocalDateTime lookupWindow,
            @Param("lookups") long lookups);

    @Delete("delete from tracking_lookup_count where window_start < #{before}")
    int deleteBefore(LocalDateTime before);

    @Delete("delete from tracking_lookup_count")
    void deleteAll();
}
