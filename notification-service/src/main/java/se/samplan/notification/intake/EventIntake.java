package se.samplan.notification.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
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
import se.samplan.notification.email.TraceParents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies each event of the plan and activity topics to every {@link EventReaction}, exactly once: the
 * reactions' changes and the consumer's position commit in one database transaction (a poll's
 * records together), and
 * partitions are read from the position stored there, not from Kafka's committed offsets.
 */
@Component
class EventIntake implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    private final List<EventReaction> reactions;
    private final Positions positions;
    private final TransactionTemplate transaction;
    private final Tracer tracer;
    private final TraceParents traceParents;
    private final EventCatalog catalog = EventCatalog.standard();
    private final Counter applied;
    /** From the event's commit in its service to its application here: the end-to-end lag. */
    private final Timer lag;
    private final Counter duplicates;
    /** Polls whose transaction failed and that were applied record by record instead. */
    private final Counter splitPolls;

    EventIntake(List<EventReaction> reactions, Positions positions, TransactionTemplate transaction, Tracer tracer,
                TraceParents traceParents, MeterRegistry meters,
                @Value("${samplan.consumer.reset-positions:false}") boolean resetPositions) {
        this.reactions = reactions;
        this.tracer = tracer;
        this.traceParents = traceParents;
        this.positions = positions;
        this.transaction = transaction;
        this.applied = Counter.builder("samplan.events.applied").tag("consumer", "notification").register(meters);
        this.lag = Timer.builder("samplan.events.lag").tag("consumer", "notification")
                .publishPercentileHistogram().register(meters);
        this.duplicates = Counter.builder("samplan.events.duplicates").tag("consumer", "notification").register(meters);
        this.splitPolls = Counter.builder("samplan.events.polls.split").tag("consumer", "notification").register(meters);
        if (resetPositions) {
            log.warn("Resetting consumer positions: the topics are read again from the start");
            transaction.executeWithoutResult(status -> positions.resetPartitions());
        }
    }

    /**
     * A poll's records in one transaction: one commit (one WAL flush) for the poll instead of one per
     * event, each record still checked against its partition position and its aggregate's sequence, so
     * a redelivered record changes nothing. If the poll fails, its records are applied one transaction
     * each, so the good ones land and the error handler gets exactly the record that fails.
     */
    @KafkaListener(id = "${samplan.consumer.group:notification}", topics = "#{'${samplan.consumer.topics}'.split(',')}",
            autoStartup = "${samplan.consumer.auto-startup:true}", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<Outcome> outcomes;
        try {
            outcomes = transaction.execute(status -> records.stream().map(this::apply).toList());
        } catch (RuntimeException pollFailed) {
            log.warn("A poll of {} records failed ({}); applying them one by one", records.size(), pollFailed.toString());
            splitPolls.increment();
            outcomes = oneByOne(records);
        }
        count(outcomes);
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

    /**
     * One record, inside the caller's transaction, in a span of the trace its publisher put on it (a
     * batch listener gets no span per record from Spring Kafka): the email it queues is sent in that trace.
     */
    private Outcome apply(ConsumerRecord<String, byte[]> record) {
        Header traceParent = record.headers().lastHeader("traceparent");
        Span span = traceParents.continuing(traceParent == null ? null : new String(traceParent.value(), StandardCharsets.UTF_8))
                .name(record.topic() + " process").kind(Span.Kind.CONSUMER).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return applyInSpan(record);
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private Outcome applyInSpan(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = EventJson.read(record.value());
        Optional<SamplanEvent> event = catalog.decode(envelope);
        if (!positions.advancePast(record.topic(), record.partition(), record.offset())
                || !positions.firstApplication(envelope.aggregateId(), envelope.sequence())) {
            return new Outcome(envelope, false);
        }
        event.ifPresent(e -> reactions.forEach(reaction -> reaction.apply(envelope, e)));
        return new Outcome(envelope, true);
    }

    /** Counted only after the commit: a rolled-back poll counts nothing. */
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

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
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
