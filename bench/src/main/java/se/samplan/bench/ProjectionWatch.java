package se.samplan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a command's change becomes visible in reporting: reporting announces each event it applied
 * with PostgreSQL NOTIFY in the transaction that applied it, so a LISTEN on its database hears of
 * the change at the moment its row is committed. Latency runs from the command's 2xx to that moment
 * (zero when the announcement came first).
 */
final class ProjectionWatch implements AutoCloseable {

    private final Connection connection;
    private final Thread listener;
    private final Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(30), 3);
    private final Map<String, Deque<Long>> waiting = new HashMap<>();
    private final Map<String, Deque<Long>> seenFirst = new HashMap<>();
    private final AtomicLong matched = new AtomicLong();
    private volatile boolean running = true;

    ProjectionWatch(String url) throws Exception {
        connection = DriverManager.getConnection(url, "postgres", "postgres");
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN samplan_changes");
        }
        listener = new Thread(this::listen, "projection-watch");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        PGConnection pg;
        try {
            pg = connection.unwrap(PGConnection.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        while (running) {
            try {
                PGNotification[] notifications = pg.getNotifications(100);
                long now = System.nanoTime();
                if (notifications == null) {
                    continue;
                }
                for (PGNotification notification : notifications) {
                    JsonNode change = Http.JSON.readTree(notification.getParameter());
                    seen(change.path("aggregateId").asText() + "|" + change.path("type").asText(), now);
                }
            } catch (Exception e) {
                if (running) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private synchronized void seen(String key, long at) {
        Deque<Long> pending = waiting.get(key);
        if (pending != null && !pending.isEmpty()) {
            record(at - pending.removeFirst());
        } else {
            seenFirst.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(at);
        }
    }

    /** A command's change was accepted (2xx) at {@code acceptedAt}. */
    synchronized void expect(Workload.Change change, long acceptedAt) {
        String key = change.aggregateId() + "|" + change.type();
        Deque<Long> early = seenFirst.get(key);
        if (early != null && !early.isEmpty()) {
            record(early.removeFirst() - acceptedAt);
        } else {
            waiting.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(acceptedAt);
        }
    }

    private void record(long nanos) {
        latency.recordValue(Math.max(0, Math.min(nanos, latency.getHighestTrackableValue())));
        matched.incrementAndGet();
    }

    synchronized long unmatched() {
        return waiting.values().stream().mapToLong(Deque::size).sum();
    }

    long matched() {
        return matched.get();
    }

    Histogram latency() {
        return latency;
    }

    /** Forgets what was measured (after a warm-up). */
    synchronized void reset() {
        latency.reset();
        matched.set(0);
        waiting.clear();
        seenFirst.clear();
    }

    @Override
    public void close() throws Exception {
        running = false;
        listener.join(2000);
        connection.close();
    }
}
