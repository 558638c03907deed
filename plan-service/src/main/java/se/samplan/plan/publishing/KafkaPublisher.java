package se.samplan.plan.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import se.samplan.events.EventCatalog;
import se.samplan.events.EventContract;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.SamplanEvent;
import se.samplan.events.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every event of the event store to {@link Topics#PLANS}, keyed by aggregate id.
 *
 * <p>It runs in a tracking processor that reads the event store, so an event committed while Kafka
 * is away is published when Kafka is back: the processor's token advances only in the same
 * transaction as a batch whose every send Kafka acknowledged. A failed send fails the batch, and
 * the processor retries it from the last token (at least once; consumers drop duplicates by
 * aggregate sequence).
 */
@Component
@ProcessingGroup(KafkaPublisher.GROUP)
class KafkaPublisher {

    static final String GROUP = "kafka-publisher";
    private static final String PENDING = KafkaPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final PublishingProperties properties;
    private final Counter published;

    KafkaPublisher(KafkaTemplate<String, byte[]> kafka, PublishingProperties properties,
                   MeterRegistry meters) {
        this.kafka = kafka;
        this.properties = properties;
        this.published = Counter.builder("samplan.events.published")
                .tag("topic", properties.topic())
                .description("Events acknowledged by Kafka")
                .register(meters);
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        EventContract contract = EventCatalog.contractOf(payload.getClass());
        EventEnvelope envelope = new EventEnvelope(
                UUID.fromString(event.getIdentifier()),
                contract.type(),
                contract.revision(),
                ((SamplanEvent) payload).associationId(),
                contract.aggregateType(),
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                event.getTimestamp(),
                String.valueOf(event.getMetaData().getOrDefault("actor", "system")),
                EventJson.mapper().valueToTree(payload));
        CompletableFuture<?> sent = kafka.send(new ProducerRecord<>(
                properties.topic(), envelope.aggregateId(), EventJson.write(envelope)));
        pendingSends().add(sent);
    }

    /** The batch's sends, awaited once before its unit of work (and the token) commits. */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    private void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            published.increment(sends.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationFailed("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublicationFailed("Kafka did not acknowledge " + sends.size() + " events", e);
        }
    }

    static final class EventPublicationFailed extends RuntimeException {
        EventPublicationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
