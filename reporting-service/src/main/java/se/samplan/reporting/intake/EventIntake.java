package se.samplan.reporting.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.samplan.events.EventCatalog;
import se.samplan.events.EventHeader;
import se.samplan.events.SamplanEvent;
import se.samplan.events.activity.ActivityEvent;
import se.samplan.events.plan.PlanEvent;
import se.samplan.reporting.db.Tenancy;
import se.samplan.reporting.live.Changes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final JdbcTemplate jdbc;
    private final Tracer tracer;
    private final Propagator propagator;
    private final EventCatalog catalog = EventCatalog.standard();
    private final Changes changes;
    private final Rebuild rebuild;
    private final Counter applied;
    /** From the event's commit in its service to its application here: the end-to-end lag. */
    private final Timer lag;
    private final Counter duplicates;
    /** Polls whose transaction failed and that were applied record by record instead. */
    private final Counter splitPolls;

    EventIntake(List<Projection> projections, Positions positions, TransactionTemplate transaction, JdbcTemplate jdbc,
                Changes changes, Rebuild rebuild, Tracer tracer, Propagator propagator, MeterRegistry meters,
                @Value("${samplan.consumer.reset-positions:false}") boolean resetPositions,
                @Value("${samplan.consumer.rebuild:false}") boolean rebuildAtStart) {
        this.projections = projections;
        this.positions = positions;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.tracer = tracer;
        this.propagator = propagator;
        this.changes = changes;
        this.rebuild = rebuild;
        this.applied = Counter.builder("samplan.events.applied").tag("consumer", "reporting").register(meters);
        this.lag = Timer.builder("samplan.events.lag").tag("consumer", "reporting")
                .publishPercentileHistogram().register(meters);
        this.duplicates = Counter.builder("samplan.events.duplicates").tag("consumer", "reporting").register(meters);
        this.splitPolls = Counter.builder("samplan.events.polls.split").tag("consumer", "reporting").register(meters);
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
     * event, the positions read and stored once per poll, and the projections' statements run once each
     * for all the poll's rows ({@link Writes}). Each record is still checked against its partition position and its
     * aggregate's sequence, so a redelivered record changes nothing. If the batch fails, its records are
     * applied one transaction each, so the good ones land and the error handler gets exactly the record
     * that fails.
     */
    @KafkaListener(id = "${samplan.consumer.group:reporting}", topics = "#{'${samplan.consumer.topics}'.split(',')}",
            autoStartup = "${samplan.consumer.auto-startup:true}", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        // Every association's events, and the positions: the system's work.
        try (Tenancy.Scope system = Tenancy.system()) {
            List<Outcome> outcomes;
            try {
                outcomes = transaction.execute(status -> apply(records));
            } catch (RuntimeException batchFailed) {
                log.warn("A batch of {} records failed ({}); applying them one by one", records.size(), batchFailed.toString());
                splitPolls.increment();
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
                outcomes.addAll(transaction.execute(status -> apply(List.of(record))));
            } catch (RuntimeException e) {
                count(outcomes);
                // The records before it are applied; the error handler retries or rejects this one and goes on.
                throw new BatchListenerFailedException("Cannot apply " + record.topic() + "-" + record.partition()
                        + "@" + record.offset(), e, i);
            }
        }
        return outcomes;
    }

    /** Records in offset order per partition, inside the caller's transaction. */
    private List<Outcome> apply(List<ConsumerRecord<String, byte[]>> records) {
        List<Read> reads = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            EventCatalog.Received received = catalog.read(record.value());
            Header traceParent = record.headers().lastHeader("traceparent");
            reads.add(new Read(new TopicPartition(record.topic(), record.partition()), record.offset(), received.header(),
                    received.event(), traceParent == null ? null : new String(traceParent.value(), StandardCharsets.UTF_8)));
        }
        // A record at or past its partition's position is new to this consumer...
        Map<TopicPartition, Long> next = positions.lockPartitions(reads.stream().map(Read::partition).distinct().toList());
        boolean[] unread = new boolean[reads.size()];
        List<String> aggregates = new ArrayList<>(reads.size());
        for (int i = 0; i < reads.size(); i++) {
            Read read = reads.get(i);
            if (read.offset() >= next.get(read.partition())) {
                next.put(read.partition(), read.offset() + 1);
                unread[i] = true;
                aggregates.add(read.header().aggregateId());
            }
        }
        // ...and its event is new if its aggregate's last applied sequence is below it: not a publisher's retry.
        Map<String, Long> seen = positions.lastApplied(aggregates);
        Map<String, Long> last = new HashMap<>(seen);
        // Each set-based statement runs once a poll, so planning it for its arrays' real sizes costs little and
        // keeps a generic plan made while the tables were small (a rebuild's start) from outliving its fit.
        jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        // A rebuild's re-application is no part of the original request: a span each would flood the traces.
        boolean rebuilding = rebuild.inProgress();
        Map<String, Long> applied = new HashMap<>();
        Writes writes = new Writes(jdbc);
        List<Changes.Change> announcements = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>(reads.size());
        for (int i = 0; i < reads.size(); i++) {
            Read read = reads.get(i);
            EventHeader header = read.header();
            boolean fresh = unread[i] && header.sequence() > last.get(header.aggregateId());
            if (fresh) {
                last.put(header.aggregateId(), header.sequence());
                applied.put(header.aggregateId(), header.sequence());
                read.event().ifPresent(e -> {
                    Runnable work = () -> {
                        writes.forAggregate(header.aggregateId());
                        projections.forEach(projection -> projection.apply(header, e, writes));
                    };
                    if (rebuilding) {
                        work.run();
                    } else {
                        inTrace(read, work);
                        announcements.add(new Changes.Change(header.tenantId(), planOf(e), header.type(), header.aggregateId()));
                    }
                });
            }
            outcomes.add(new Outcome(header, fresh));
        }
        writes.flush();
        // After the writes: an announcement names the partners the plan has with them.
        changes.announce(announcements);
        positions.storeAggregates(applied, seen);
        positions.storePartitions(next);
        return outcomes;
    }

    /**
     * The record's part of the poll in a span of the trace its publisher put on it (a batch listener gets
     * no span per record from Spring Kafka); its statements run when the poll's are flushed.
     */
    private void inTrace(Read read, Runnable work) {
        Span.Builder builder = read.traceParent() == null ? tracer.spanBuilder()
                : propagator.extract(Map.of("traceparent", read.traceParent()), (Map<String, String> carrier, String key) -> carrier.get(key));
        Span span = builder.name(read.partition().topic() + " process").kind(Span.Kind.CONSUMER).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** A record decoded; its event is empty when this service does not know the type. */
    private record Read(TopicPartition partition, long offset, EventHeader header, Optional<SamplanEvent> event,
                        String traceParent) {
    }

    /** Counted only after the commit: a rolled-back batch counts nothing. */
    private void count(List<Outcome> outcomes) {
        Instant now = Instant.now();
        for (Outcome outcome : outcomes) {
            (outcome.fresh() ? applied : duplicates).increment();
            if (outcome.fresh()) {
                lag.record(Duration.between(outcome.header().occurredAt(), now));
            }
        }
    }

    private record Outcome(EventHeader header, boolean fresh) {
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
