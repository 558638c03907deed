package se.samplan.testkit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import se.samplan.events.EventCatalog;
import se.samplan.events.EventContract;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.SamplanEvent;
import se.samplan.events.activity.ActivityKind;
import se.samplan.events.activity.ActivitySchedule;
import se.samplan.events.activity.ActivityScheduled;
import se.samplan.events.activity.PlannedOccurrence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Puts events on a topic exactly as the owning services do (JSON envelope, keyed by aggregate id),
 * so a consumer can be tested without its producers.
 */
public final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public EventProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** The envelope a service would publish for {@code payload} as event {@code sequence} of {@code aggregateId}. */
    public static EventEnvelope envelope(SamplanEvent payload, String aggregateId, long sequence, Instant occurredAt) {
        EventContract contract = EventCatalog.contractOf(payload.getClass());
        return new EventEnvelope(UUID.randomUUID(), contract.type(), contract.revision(), payload.associationId(),
                contract.aggregateType(), aggregateId, sequence, occurredAt, "person-test",
                EventJson.mapper().valueToTree(payload));
    }

    /** A plain activity on a date (or ongoing, for a null date), as activity-service would publish it. */
    public static ActivityScheduled activity(String activityId, String associationId, String planId, String title,
                                             LocalDate dueDate) {
        ActivitySchedule schedule = dueDate == null ? ActivitySchedule.ongoing(null) : ActivitySchedule.onDate(dueDate);
        PlannedOccurrence occurrence = new PlannedOccurrence(dueDate == null ? "ongoing" : "once", dueDate);
        return new ActivityScheduled(activityId, associationId, planId, title, null, ActivityKind.ACTIVITY, List.of(),
                null, List.of(), null, null, null, null, schedule, List.of(occurrence));
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(String topic, EventEnvelope envelope) {
        send(new ProducerRecord<>(topic, envelope.aggregateId(), EventJson.write(envelope)));
    }

    /** Sends with the W3C trace context a publishing service puts on the record, and waits for the acknowledgement. */
    public void send(String topic, EventEnvelope envelope, String traceparent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, envelope.aggregateId(), EventJson.write(envelope));
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the event", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
