package se.samplan.reporting.intake;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projections' statements for a poll's events, run together at its end as JDBC batches instead of
 * one round trip each. Every row a projection writes belongs to the aggregate whose event wrote it, so
 * only each aggregate's own statements must keep their order: the n-th statement of every aggregate
 * forms level n, a level's statements (one per aggregate at most) run grouped by SQL in one batch each,
 * and the levels run in order. A statement that reads the tables (a subquery) therefore sees every
 * earlier event of its aggregate.
 */
public final class Writes {

    private final JdbcTemplate jdbc;
    private final List<Map<String, List<Object[]>>> levels = new ArrayList<>();
    private final Map<String, Integer> depth = new HashMap<>();
    private String aggregateId;

    Writes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The aggregate whose event the next statements apply. */
    void forAggregate(String aggregateId) {
        this.aggregateId = aggregateId;
    }

    /** A statement for the current event, run when the poll's events are all read. */
    public void update(String sql, Object... args) {
        int level = depth.merge(aggregateId, 1, Integer::sum) - 1;
        if (level == levels.size()) {
            levels.add(new LinkedHashMap<>());
        }
        levels.get(level).computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
    }

    /** Runs every statement, level by level, once the poll's events are all read (a Writes serves one poll). */
    void flush() {
        for (Map<String, List<Object[]>> level : levels) {
            level.forEach((sql, args) -> {
                if (args.size() == 1) {
                    jdbc.update(sql, args.get(0));
                } else {
                    jdbc.batchUpdate(sql, args);
                }
            });
        }
    }
}
