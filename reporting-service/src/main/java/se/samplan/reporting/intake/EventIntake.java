package se.samplan.reporting.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.samplan.events.EventCatalog;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.SamplanEvent;
import se.samplan.events.activity.ActivityEvent;
import se.samplan.events.plan.PlanEvent;
import se.samplan.reporting.db.Tenancy;
import se.samplan.reporting.live.Changes;

import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies each event of the plan and activity topics to every {@link Projection}, exactly once: the
 * projections' changes and the consumer's position commit in one database transaction (a poll's
 * records together), and partitions are read from the position stored there, not from Kafka's
 * committed offsets.
 */
@Component
class EventIntake implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    private final List<Projection> projections;
    private final Positions positions;
    private final TransactionTemplate transaction;
    private final EventCatalog catalog = EventCatalog.standard();
    private final Changes changes;
    private final Rebuild rebuild;
    private final Counter applied;
    /** From the event's commit in its service to its application here: the end-to-end lag. */
    private final Timer lag;
    private final Counter duplicates;

    EventIntake(List<Projection> projections, Positions positions, TransactionTemplate transaction, Changes changes,
                Rebuild rebuild, MeterRegistry meters,
                @Value("${samplan.consumer.reset-positions:false}") boolean resetPositions,
                @Value("${samplan.consumer.rebuild:false}") boolean rebuildAtStart) {
        this.projections = projections;
        this.positions = positions;
        this.transaction = transaction;
        this.changes = changes;
        this.rebuild = rebuild;
        this.applied = Counter.builder("samplan.events.applied").tag("consumer", "reporting").register(meters);
        this.lag = Timer.builder("samplan.events.lag").tag("consumer", "reporting")
                .publishPercentileHistogram().register(meters);
        this.duplicates = Counter.builder("samplan.events.duplicates").tag("consumer", "reporting").register(meters);
        if (resetPositions) {
            log.warn("Resetting consumer positions: the topics are read again from the start");
            Tenancy.system(() -> transaction.executeWithoutResult(status -> positions.resetPartitions()));
        }
        if (rebuildAtStart) {
            rebuild.forgetEverything();
        }
    }

    /**
     * A poll's records in one transaction: one commit (one WAL flush) for the batch instead of one per
     * event, each record still checked against its partition position and its aggregate's sequence, so
     * a redelivered record changes nothing. If the batch fails, its records are applied one transaction
     * each, so the good ones land and the error handler gets exactly the record that fails.
     */
    @KafkaListener(id = "${samplan.consumer.group:reporting}", topics = "#{'${samplan.consumer.topics}'.split(',')}",
            autoStartup = "${samplan.consumer.auto-startup:true}", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        // Every association's events, and the positions: the system's work.
        try (Tenancy.Scope system = Tenancy.system()) {
            List<Outcome> outcomes;
            try {
                outcomes = transaction.execute(status -> records.stream().map(this::apply).toList());
            } catch (RuntimeException batchFailed) {
                log.warn("A batch of {} records failed ({}); applying them one by one", records.size(), batchFailed.toString());
                outcomes = oneByOne(records);
            }
            count(outcomes);
        }
    }

    private List<Outcome> oneByOne(List<ConsumerRecord<String, byte[]>> records) {
        List<Outcome> outcomes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                outcomes.add(transaction.execute(status -> apply(record)));
            } catch (RuntimeException e) {
                count(outcomes);
                // The records before it are applied; the error handler retries or rejects this one and goes on.
                throw new BatchListenerFailedException("Cannot apply " + record.topic() + "-" + record.partition()
                        + "@" + record.offset(), e, i);
            }
        }
        return outcomes;
    }

    /** One record, inside the caller's transaction. */
    private Outcome apply(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = EventJson.read(record.value());
        Optional<SamplanEvent> event = catalog.decode(envelope);
        if (!positions.advancePast(record.topic(), record.partition(), record.offset())
                || !positions.firstApplication(envelope.aggregateId(), envelope.sequence())) {
            return new Outcome(envelope, false);
        }
        event.ifPresent(e -> {
            projections.forEach(projection -> projection.apply(envelope, e));
            if (!rebuild.inProgress()) {
                changes.announce(envelope.tenantId(), planOf(e), envelope.type(), envelope.aggregateId());
            }
        });
        return new Outcome(envelope, true);
    }

    /** Counted only after the commit: a rolled-back batch counts nothing. */
    private void count(List<Outcome> outcomes) {
        Instant now = Instant.now();
        for (Outcome outcome : outcomes) {
            (outcome.fresh() ? applied : duplicates).increment();
            if (outcome.fresh()) {
                lag.record(Duration.between(outcome.envelope().occurredAt(), now));
            }
        }
    }

    private record Outcome(EventEnvelope envelope, boolean fresh) {
    }

    private static String planOf(SamplanEvent event) {
        if (event instanceof PlanEvent e) {
            return e.planId();
        }
        return event instanceof ActivityEvent e ? e.planId() : null;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        try (Tenancy.Scope system = Tenancy.system()) {
            seek(assignments, callback);
        }
    }

    private void seek(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        for (TopicPartition partition : assignments.keySet()) {
            Optional<Long> stored = positions.nextOffset(partition.topic(), partition.partition());
            if (stored.isPresent()) {
                callback.seek(partition.topic(), partition.partition(), stored.get());
            } else {
                callback.seekToBeginning(partition.topic(), partition.partition());
            }
        }
    }
}
