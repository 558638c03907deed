package se.samplan.reporting.intake;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.samplan.reporting.db.Tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Rebuilds every projection from Kafka: the intake stops, the projections' tables and the consumer's
 * positions are emptied in one transaction, and the intake reads every topic again from offset zero.
 * While it catches up, the events still to apply are logged every few seconds and exposed as the
 * gauge {@code samplan.projection.lag} (which also shows ordinary lag at any other time). Reports
 * themselves are this service's own data, not projections: a rebuild leaves them alone.
 */
@Component
public class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    private final List<Projection> projections;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafka;
    private final String listenerId;
    private final List<String> topics;
    private final AtomicLong lag = new AtomicLong(-1);
    /** When the running rebuild's truncate committed; null when none runs. */
    private final AtomicReference<Instant> startedAt = new AtomicReference<>();
    private volatile long startLag;
    private volatile AdminClient admin;

    Rebuild(@Lazy List<Projection> projections, JdbcTemplate jdbc, TransactionTemplate transaction,
            KafkaListenerEndpointRegistry listeners, KafkaAdmin kafka, MeterRegistry meters,
            @Value("${samplan.consumer.group:reporting}") String listenerId,
            @Value("${samplan.consumer.topics}") String topics) {
        this.projections = projections;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.listeners = listeners;
        this.kafka = kafka;
        this.listenerId = listenerId;
        this.topics = Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        meters.gauge("samplan.projection.lag", lag, AtomicLong::get);
        meters.gauge("samplan.projection.rebuilding", this, r -> r.inProgress() ? 1 : 0);
    }

    /** True while a rebuild has not caught up: the intake then announces nothing to live dashboards. */
    public boolean inProgress() {
        return startedAt.get() != null;
    }

    /** Stops the intake, forgets every projection and position, and reads everything again. */
    public synchronized void run() {
        MessageListenerContainer container = listeners.getListenerContainer(listenerId);
        boolean wasRunning = container != null && container.isRunning();
        if (container != null) {
            container.stop();
        }
        forgetEverything();
        if (container != null && wasRunning) {
            container.start();
        }
    }

    /** Empties the projections and positions; the next partition assignment reads from offset zero. */
    void forgetEverything() {
        Set<String> tables = new LinkedHashSet<>();
        projections.forEach(p -> tables.addAll(p.tables()));
        tables.add("consumer_position");
        tables.add("aggregate_position");
        Tenancy.system(() -> transaction.executeWithoutResult(status -> jdbc.execute("TRUNCATE " + String.join(", ", tables))));
        // Set only after the commit: a lag measurement that read the old positions must not end this rebuild.
        startedAt.set(Instant.now());
        log.warn("Rebuilding projections {} from the start of {}", tables, topics);
    }

    /** Measures how many events are still to apply, and while rebuilding logs how far it got. */
    @Scheduled(fixedDelayString = "${samplan.consumer.progress-interval:5s}", initialDelayString = "${samplan.consumer.progress-interval:5s}")
    void progress() {
        // Read before measuring: only a measurement begun after the rebuild's truncate may end it.
        Instant started = startedAt.get();
        long remaining;
        try {
            remaining = remaining();
        } catch (Exception e) {
            log.debug("Lag not measured: {}", e.toString());
            return;
        }
        lag.set(remaining);
        if (started == null) {
            return;
        }
        if (startLag < remaining) {
            startLag = remaining;
        }
        if (remaining == 0) {
            if (startedAt.compareAndSet(started, null)) {
                log.warn("Rebuild done in {} s", Duration.between(started, Instant.now()).toSeconds());
                startLag = 0;
            }
        } else {
            log.warn("Rebuilding projections: {} events to go of {} ({} %)", remaining, startLag,
                    startLag == 0 ? 0 : 100 * (startLag - remaining) / startLag);
        }
    }

    @jakarta.annotation.PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }

    /** Events on the topics past the stored positions. */
    private long remaining() throws Exception {
        if (admin == null) {
            admin = AdminClient.create(kafka.getConfigurationProperties());
        }
        Map<String, org.apache.kafka.clients.admin.TopicDescription> described =
                admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, Long> stored = new HashMap<>();
        Tenancy.system(() -> jdbc.query("SELECT topic, partition, next_offset FROM consumer_position", rs -> {
            stored.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
        }));
        return ends.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - stored.getOrDefault(e.getKey(), 0L))).sum();
    }
}
