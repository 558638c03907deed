package se.samplan.reporting.intake;

import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The projections' writes for a poll's events, run at its end as set-based statements: each statement
 * takes every parameter as an array ({@code unnest(?::date[], ...)}), one element per row, so a poll
 * runs each statement once for all its rows instead of once per event. PostgreSQL then pays its
 * per-statement work (planning, executor start, locks) once per poll, which is what bounded the replay.
 * <p>
 * Every row a projection writes belongs to the aggregate whose event wrote it, so only each aggregate's
 * own steps must keep their order. Steps go into levels that run in order, a level's rows grouped by
 * statement: a step on the whole aggregate goes after all its earlier steps, and a step on one part of
 * it (a milestone, a risk: {@link #partRow}) after the earlier steps on that part and on the whole only.
 * So a plan's many moves of different milestones in one poll share levels instead of taking one each.
 * A statement that reads the tables (a subquery) therefore sees every earlier step that touched what it
 * reads, and no statement meets the same row twice.
 */
public final class Writes {

    /** Parameters per statement, counted once: each is one array, i.e. one value per row. */
    private static final Map<String, Integer> PARAMETERS = new ConcurrentHashMap<>();
    private static final Pattern ARRAY_PARAMETER = Pattern.compile("\\?::[a-z_]+\\[]");

    private final JdbcTemplate jdbc;
    private final List<Map<String, List<Object[]>>> levels = new ArrayList<>();
    /** Per aggregate: the level after its last step, after its last step on the whole, after its last on each part. */
    private final Map<String, Integer> afterLast = new HashMap<>();
    private final Map<String, Integer> afterWhole = new HashMap<>();
    private final Map<String, Integer> afterPart = new HashMap<>();
    private String aggregateId;

    Writes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The aggregate whose event the next steps apply. */
    void forAggregate(String aggregateId) {
        this.aggregateId = aggregateId;
    }

    /** One row of a set-based statement, as the current event's next step. */
    public void row(String sql, Object... values) {
        rows(sql, List.<Object[]>of(values));
    }

    /**
     * Rows of one set-based statement as a single step of the current event: they run in the same
     * statement, so they must not touch the same row.
     */
    public void rows(String sql, List<Object[]> rows) {
        add(null, sql, rows);
    }

    /**
     * One row as the current event's next step on one part of its aggregate, e.g. {@code ("milestone", id)}:
     * only for a statement that touches and reads rows of that part alone, since it may run before the
     * aggregate's earlier steps on its other parts.
     */
    public void partRow(String part, String partId, String sql, Object... values) {
        add(part + ' ' + partId, sql, List.<Object[]>of(values));
    }

    private void add(String part, String sql, List<Object[]> rows) {
        int parameters = PARAMETERS.computeIfAbsent(sql, Writes::parameters);
        for (Object[] row : rows) {
            if (row.length != parameters) {
                throw new IllegalArgumentException(row.length + " values for the " + parameters + " parameters of " + sql);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        int level;
        if (part == null) {
            level = afterLast.getOrDefault(aggregateId, 0);
            afterWhole.put(aggregateId, level + 1);
        } else {
            String key = aggregateId + ' ' + part;
            level = Math.max(afterPart.getOrDefault(key, 0), afterWhole.getOrDefault(aggregateId, 0));
            afterPart.put(key, level + 1);
        }
        afterLast.merge(aggregateId, level + 1, Math::max);
        if (level == levels.size()) {
            levels.add(new LinkedHashMap<>());
        }
        levels.get(level).computeIfAbsent(sql, s -> new ArrayList<>()).addAll(rows);
    }

    /** Runs every statement, level by level, once the poll's events are all read (a Writes serves one poll). */
    void flush() {
        for (Map<String, List<Object[]>> level : levels) {
            level.forEach(this::run);
        }
    }

    /**
     * One statement for all its rows: each column goes as a text array that the statement's own cast
     * ({@code ?::date[]}) types, so dates and times never pass through the JVM's time zone.
     */
    private void run(String sql, List<Object[]> rows) {
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            int columns = rows.get(0).length;
            for (int column = 0; column < columns; column++) {
                String[] values = new String[rows.size()];
                for (int row = 0; row < values.length; row++) {
                    values[row] = text(rows.get(row)[column]);
                }
                statement.setArray(column + 1, connection.createArrayOf("text", values));
            }
            return statement;
        });
    }

    /** A value as PostgreSQL reads it: ISO dates and instants, plain numbers, enum names. */
    private static String text(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof java.util.Date) {
            // java.sql.Date and Timestamp print in the JVM's zone: pass LocalDate and Instant instead.
            throw new IllegalArgumentException("Pass java.time values, not " + value.getClass().getName());
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value instanceof Enum<?> constant ? constant.name() : value.toString();
    }

    private static int parameters(String sql) {
        long marks = sql.chars().filter(c -> c == '?').count();
        long arrays = ARRAY_PARAMETER.matcher(sql).results().count();
        if (marks != arrays) {
            throw new IllegalArgumentException("Every parameter of a set-based statement is an array (?::type[]): " + sql);
        }
        return (int) arrays;
    }
}
