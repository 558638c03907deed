package se.samplan.reporting.report;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.samplan.reporting.db.Tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the reports' events to Kafka from the table they were committed to, so nothing is lost
 * between commit and publish: a batch is marked published only after Kafka acknowledged every send
 * of it, and a failure leaves it for the next round (consumers drop what they get twice by the
 * report's sequence). One instance at a time (a PostgreSQL advisory lock) keeps each report's
 * events in order on its partition.
 */
@Component
class ReportRelay {

    private static final Logger log = LoggerFactory.getLogger(ReportRelay.class);
    private static final long LOCK = 0x5a4d_504c_414eL;  // any constant all instances share

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final Counter published;

    ReportRelay(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaTemplate<String, byte[]> kafka, MeterRegistry meters,
                @Value("${samplan.reports.topic}") String topic) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.topic = topic;
        this.published = Counter.builder("samplan.events.published").tag("topic", topic).register(meters);
    }

    record Pending(long position, String reportId, byte[] envelope) {
    }

    @Scheduled(fixedDelayString = "${samplan.reports.relay-interval:250ms}")
    void relay() {
        try (Tenancy.Scope system = Tenancy.system()) {
            while (Boolean.TRUE.equals(transaction.execute(status -> publishBatch()))) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            log.warn("Publishing report events failed, retried shortly: {}", e.toString());
        }
    }

    /** Publishes up to 200 pending events in order; true when the batch was full. */
    private boolean publishBatch() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
            return false;
        }
        List<Pending> pending = jdbc.query("""
                        SELECT position, report_id, envelope FROM report_event WHERE published_at IS NULL ORDER BY position LIMIT 200""",
                (rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
        if (pending.isEmpty()) {
            return false;
        }
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
        for (Pending p : pending) {
            sends.add(kafka.send(topic, p.reportId(), p.envelope()));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch", e);
        }
        jdbc.update("UPDATE report_event SET published_at = now() WHERE position = ANY (?)",
                (Object) pending.stream().map(Pending::position).toArray(Long[]::new));
        published.increment(pending.size());
        return pending.size() == 200;
    }
}
