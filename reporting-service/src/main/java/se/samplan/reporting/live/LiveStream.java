package se.samplan.reporting.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import se.samplan.reporting.db.Tenancy;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the open Server-Sent-Event streams per association and feeds them what PostgreSQL
 * notifies on {@link Changes#CHANNEL}: one listening connection per instance, re-opened when lost,
 * and a heartbeat comment that keeps proxies from closing an idle stream (and finds dead ones).
 */
@Component
class LiveStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final long heartbeatMillis;
    private final long timeoutMillis;
    private volatile boolean running;
    private Thread listener;

    LiveStream(DataSource dataSource, MeterRegistry meters,
               @Value("${samplan.live.heartbeat:15s}") java.time.Duration heartbeat,
               @Value("${samplan.live.timeout:30m}") java.time.Duration timeout) {
        this.dataSource = dataSource;
        this.heartbeatMillis = heartbeat.toMillis();
        this.timeoutMillis = timeout.toMillis();
        meters.gauge("samplan.live.streams", streams, s -> s.values().stream().mapToInt(Set::size).sum());
    }

    /** A new stream for a person of {@code associationId}; it ends after the timeout and the browser reconnects. */
    SseEmitter open(String associationId) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        Set<SseEmitter> set = streams.computeIfAbsent(associationId, a -> new CopyOnWriteArraySet<>());
        set.add(emitter);
        Runnable remove = () -> set.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            // Tells the browser at once that the stream is open, and how soon to come back if it drops.
            emitter.send(SseEmitter.event().name("ready").reconnectTime(3000).data("{}", MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    private void deliver(String payload) {
        JsonNode change;
        try {
            change = json.readTree(payload);
        } catch (IOException e) {
            log.warn("Unreadable change notification: {}", payload);
            return;
        }
        for (JsonNode association : change.path("audience")) {
            for (SseEmitter emitter : streams.getOrDefault(association.asText(), Set.of())) {
                send(emitter, SseEmitter.event().id(String.valueOf(ids.incrementAndGet())).name("change")
                        .data(change, MediaType.APPLICATION_JSON));
            }
        }
    }

    private void heartbeat() {
        streams.values().forEach(set -> set.forEach(emitter -> send(emitter, SseEmitter.event().comment("heartbeat"))));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }

    private void listen() {
        long lastBeat = System.currentTimeMillis();
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("LISTEN " + Changes.CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                    if (System.currentTimeMillis() - lastBeat >= heartbeatMillis) {
                        heartbeat();
                        lastBeat = System.currentTimeMillis();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for changes failed, listening again in a second: {}", e.toString());
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        // The listening connection serves every association's streams: the system's.
        listener = new Thread(() -> Tenancy.system(this::listen), "live-changes");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        streams.values().forEach(set -> set.forEach(SseEmitter::complete));
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
