package se.samplan.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL spent per statement of one database (pg_stat_statements, which the local stack
 * loads) and the WAL the whole server wrote: where the kernel's CPU figure for its backends goes.
 */
final class Statements {

    /**
     * One statement's totals: its text (shortened), calls, rows, execution ms, the WAL its executions wrote,
     * and the pages they read into and wrote out of PostgreSQL's buffers.
     */
    record Spent(String text, long calls, long rows, double millis, long walRecords, long fullPageImages, long walBytes,
                 long blocksRead, long blocksWritten) {
    }

    /** The server's WAL over the same span. */
    record Wal(long records, long fullPageImages, long bytes) {
    }

    private Statements() {
    }

    /** Starts counting afresh (the extension is made on first use). */
    static void reset(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
            statement.execute("SELECT pg_stat_reset_shared('wal')");
        }
    }

    /** The database's statements by execution time, most first. */
    static List<Spent> top(String url, int limit) throws Exception {
        List<Spent> spent = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT regexp_replace(query, '\\s+', ' ', 'g'), calls, rows, total_exec_time + total_plan_time,
                            wal_records, wal_fpi, wal_bytes, shared_blks_read, shared_blks_written
                       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                      ORDER BY total_exec_time + total_plan_time DESC LIMIT""" + " " + limit)) {
            while (rs.next()) {
                String text = rs.getString(1);
                spent.add(new Spent(text.length() > 90 ? text.substring(0, 90) + "…" : text, rs.getLong(2), rs.getLong(3),
                        rs.getDouble(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
            }
        }
        return spent;
    }

    static Wal wal(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT wal_records, wal_fpi, wal_bytes FROM pg_stat_wal")) {
            rs.next();
            return new Wal(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }
}
