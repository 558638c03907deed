package se.samplan.notification.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.samplan.events.EventCatalog;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.SamplanEvent;

import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies each event of the plan and activity topics to every {@link EventReaction}, exactly once: the
 * reactions' changes and the consumer's position commit in one database transaction, and
 * partitions are read from the position stored there, not from Kafka's committed offsets.
 */
@Component
class EventIntake implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    private final List<EventReaction> reactions;
    private final Positions positions;
    private final TransactionTemplate transaction;
    private final EventCatalog catalog = EventCatalog.standard();
    private final Counter applied;
    /** From the event's commit in its service to its application here: the end-to-end lag. */
    private final Timer lag;
    private final Counter duplicates;

    EventIntake(List<EventReaction> reactions, Positions positions, TransactionTemplate transaction,
                MeterRegistry meters, @Value("${samplan.consumer.reset-positions:false}") boolean resetPositions) {
        this.reactions = reactions;
        this.positions = positions;
        this.transaction = transaction;
        this.applied = Counter.builder("samplan.events.applied").tag("consumer", "notification").register(meters);
        this.lag = Timer.builder("samplan.events.lag").tag("consumer", "notification")
                .publishPercentileHistogram().register(meters);
        this.duplicates = Counter.builder("samplan.events.duplicates").tag("consumer", "notification").register(meters);
        if (resetPositions) {
            log.warn("Resetting consumer positions: the topics are read again from the start");
            transaction.executeWithoutResult(status -> positions.resetPartitions());
        }
    }

    @KafkaListener(id = "${samplan.consumer.group:notification}", topics = "#{'${samplan.consumer.topics}'.split(',')}",
            autoStartup = "${samplan.consumer.auto-startup:true}")
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = EventJson.read(record.value());
        Optional<SamplanEvent> event = catalog.decode(envelope);
        boolean fresh = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!positions.advancePast(record.topic(), record.partition(), record.offset())
                    || !positions.firstApplication(envelope.aggregateId(), envelope.sequence())) {
                return false;
            }
            event.ifPresent(e -> reactions.forEach(reaction -> reaction.apply(envelope, e)));
            return true;
        }));
        (fresh ? applied : duplicates).increment();
        if (fresh) {
            lag.record(Duration.between(envelope.occurredAt(), Instant.now()));
        }
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
